import { Option, type Command } from 'commander';

const NO_PROMPT = '--no-prompt';

/** Commands that run something: the leaves of the tree (`wallet list`, `devnet`), not the topic groups. */
function leafCommands(command: Command): Command[] {
  return command.commands.length === 0 ? [command] : command.commands.flatMap(leafCommands);
}

function hasOption(command: Command, flag: string): boolean {
  return command.options.some((option) => option.long === flag || option.short === flag);
}

/**
 * btcli's prompt switches, on every command whether or not it asks anything, so scripts written for btcli
 * (`… --no-prompt`, `… -y`) run unchanged: `--no-prompt`, and btcli's hidden aliases `--yes`, `-y` and
 * `--no_prompt`, all of which set `prompt` to false. Commands that do ask already declare `--no-prompt` with
 * their own help text; the others get it hidden, so their help stays as it was.
 */
export function acceptPromptHabits(program: Command): void {
  for (const command of leafCommands(program)) {
    if (!hasOption(command, NO_PROMPT)) {
      command.addOption(new Option(NO_PROMPT, 'do not ask for confirmation').hideHelp());
    }
    if (!hasOption(command, '--yes') && !hasOption(command, '-y')) {
      command.addOption(new Option('-y, --yes', 'same as --no-prompt (btcli)').hideHelp().implies({ prompt: false }));
    }
    if (!hasOption(command, '--no_prompt')) {
      command.addOption(new Option('--no_prompt', 'same as --no-prompt (btcli)').hideHelp().implies({ prompt: false }));
    }
  }
}
