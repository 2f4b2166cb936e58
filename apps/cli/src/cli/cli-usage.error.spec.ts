import { isTaonodeError } from '@taonode/errors';
import { CliUsageError, PromptCancelledError } from './cli-usage.error';

describe('CLI errors in the one error model', () => {
  it('are TaonodeErrors with their stable codes and kinds', () => {
    expect(isTaonodeError(new CliUsageError('missing --netuid'))).toBe(true);
    expect(new CliUsageError('x')).toMatchObject({
      code: 'TAONODE_CLI_USAGE',
      kind: 'invalid-argument',
      name: 'CliUsageError',
    });
    expect(new PromptCancelledError('x')).toMatchObject({ code: 'TAONODE_CLI_PROMPT_CANCELLED', kind: 'cancelled' });
  });
});
