import {
  encodePasswordForEnv,
  passwordFromEnvironment,
  Wallet,
  WalletError,
  type Keyfile,
  type Keypair,
} from '@taonode/wallet';
import type { CliDeps } from '../../cli/cli.deps';
import { TtyPasswordPrompt } from '../../cli/tty-password.prompt';
import { NodePreflightError } from './node-preflight';
import type { NodeSettings } from './node-settings';

/** The node's hotkey, unlocked once by the preflight, and what the services that sign with it need to load it. */
export interface NodeHotkey {
  readonly keypair: Keypair;
  /**
   * For an encrypted hotkey: its `BT_PW_…` variable (btwallet's name and encoding), for the environment of the
   * services that load the hotkey themselves (axon gateway, scorer, weight-setter) and of no other. Empty otherwise.
   */
  readonly passwordEnv: Readonly<Record<string, string>>;
  /** Where the password came from, for the operator (never the password). */
  readonly unlockedWith?: 'environment' | 'prompt';
}

export function walletFlags(settings: NodeSettings): string {
  const { name, hotkey, path } = settings.wallet;
  return `--wallet.name ${name} --wallet.hotkey ${hotkey} --wallet.path ${path}`;
}

/**
 * The wallet's files exist and the hotkey loads. The coldkey is never unlocked: serve_axon, set_weights and
 * commit/reveal are hotkey calls, and the node never registers, stakes or spends; only coldkeypub.txt is read.
 * An encrypted hotkey (btcli `--use-password`) is unlocked here, once, as the Python SDK's miner does at start: with
 * the password from its `BT_PW_…` variable if set, else typed at a hidden prompt on a terminal; without either
 * (a unit under systemd or pm2 with no variable) the node refuses, naming the variable. The services get the
 * password the btwallet way, in that variable of their environment, so a restarted service needs no prompt.
 */
export async function loadNodeHotkey(settings: NodeSettings, deps: CliDeps): Promise<NodeHotkey> {
  const wallet = new Wallet(settings.wallet);
  const { name, hotkey } = settings.wallet;
  try {
    await wallet.getColdkeypub();
  } catch {
    throw new NodePreflightError(
      `wallet "${name}" has no readable coldkeypub in ${settings.wallet.path}`,
      `taonode wallet new-coldkey --wallet.name ${name} --wallet.path ${settings.wallet.path}`,
    );
  }
  const file = wallet.hotkeyFile;
  if (!(await file.exists())) {
    throw new NodePreflightError(
      `wallet "${name}" has no hotkey "${hotkey}" in ${settings.wallet.path}`,
      `taonode wallet new-hotkey ${walletFlags(settings)}`,
    );
  }
  // A legacy-fernet file decrypts without a password, as the services read it: only a real password is asked for.
  const encryption = await file.encryption();
  const encrypted = encryption === 'nacl' || encryption === 'ansible-vault';
  const unlock = encrypted ? await hotkeyPassword(settings, deps, file) : undefined;
  try {
    const keypair = await wallet.getHotkey(unlock?.password);
    return {
      keypair,
      passwordEnv:
        unlock === undefined
          ? {}
          : { [file.passwordEnvVarName]: encodePasswordForEnv(file.passwordEnvVarName, unlock.password) },
      unlockedWith: unlock?.source,
    };
  } catch (error) {
    if (error instanceof WalletError && error.code === 'TAONODE_WALLET_WRONG_PASSWORD') {
      throw new NodePreflightError(
        `wrong password for hotkey "${hotkey}" of wallet "${name}"`,
        unlock?.source === 'environment'
          ? `set ${file.passwordEnvVarName} to the hotkey's password in btwallet's encoding, or unset it and type the password at the prompt`
          : `run again and type the hotkey's password (the one given to btcli --use-password)`,
      );
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new NodePreflightError(
      `hotkey "${hotkey}" of wallet "${name}" cannot be loaded (${why})`,
      `taonode wallet regen-hotkey ${walletFlags(settings)} --overwrite (from its mnemonic)`,
    );
  }
}

/** The encrypted hotkey's password: its `BT_PW_…` variable, else the terminal; never an argument or a file path. */
async function hotkeyPassword(
  settings: NodeSettings,
  deps: CliDeps,
  file: Keyfile,
): Promise<{ password: string; source: 'environment' | 'prompt' }> {
  const { name, hotkey } = settings.wallet;
  const variable = file.passwordEnvVarName;
  const fromEnv = passwordFromEnvironment(file.path, deps.env);
  if (fromEnv !== undefined) {
    return { password: fromEnv, source: 'environment' };
  }
  const stdin = deps.stdin();
  if (!TtyPasswordPrompt.isInteractive(stdin)) {
    throw new NodePreflightError(
      `hotkey "${hotkey}" of wallet "${name}" is encrypted and there is no terminal to ask for its password`,
      `set ${variable} to the password in btwallet's encoding (for systemd or pm2: in the unit's EnvironmentFile, mode 600)`,
    );
  }
  const password = await new TtyPasswordPrompt(stdin, deps.stderr).ask(
    `Enter the password of hotkey "${hotkey}" of wallet "${name}": `,
  );
  return { password, source: 'prompt' };
}
