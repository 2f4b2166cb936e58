import { Command } from 'commander';
import { registerAxonCommands } from './commands/axon.command';
import { registerDevnetCommand } from './commands/devnet.command';
import { registerStakeCommands } from './commands/stake.command';
import { registerStartCommand } from './commands/start/start.command';
import { registerSubnetCommands } from './commands/subnet.command';
import { registerWalletChainCommands } from './commands/wallet/wallet-chain.commands';
import { registerWalletCommands } from './commands/wallet.command';
import { registerWeightsCommands } from './commands/weights.command';

const program = new Command('taonode')
  .description('taonode: a TypeScript node stack for Bittensor subnet operators')
  .showHelpAfterError()
  .exitOverride();

registerWalletCommands(program);
registerWalletChainCommands(program);
registerSubnetCommands(program);
registerStakeCommands(program);
registerAxonCommands(program);
registerWeightsCommands(program);
registerDevnetCommand(program);
registerStartCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  // commander signals --help / --version through exitOverride with exit code 0.
  const code = (error as { exitCode?: number }).exitCode;
  if (typeof code === 'number') {
    process.exitCode = code;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 1;
});
