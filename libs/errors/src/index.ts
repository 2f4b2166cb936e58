export { ERROR_KINDS, type ErrorKind } from './error-kind';
export { isTaonodeError, TaonodeError } from './taonode-error';
