import type { ValidationIssue } from '../errors/body-errors';
import { reprForMessage } from '../python/py-number-parse';
import { pyTypeName } from '../python/py-value';

export type { ValidationIssue } from '../errors/body-errors';

const MAX_INPUT_REPR = 100;

function shortRepr(input: unknown): string {
  const text = reprForMessage(input);
  return text.length > MAX_INPUT_REPR
    ? `${text.slice(0, MAX_INPUT_REPR / 2)}...${text.slice(-MAX_INPUT_REPR / 2)}`
    : text;
}

/**
 * Formats issues like pydantic's `ValidationError.__str__` ("1 validation error for Dummy\ndummy_input\n  Field
 * required [type=missing, …]"), without the documentation URL.
 */
export function formatValidationIssues(title: string, issues: readonly ValidationIssue[]): string {
  const count = issues.length;
  let text = `${count} validation error${count === 1 ? '' : 's'} for ${title}`;
  for (const issue of issues) {
    const location = issue.loc.length === 0 ? '' : `${issue.loc.join('.')}\n  `;
    text += `\n${location}${issue.msg} [type=${issue.type}, input_value=${shortRepr(issue.input)}, input_type=${pyTypeName(issue.input)}]`;
  }
  return text;
}
