/**
 * The logging the chain client needs: pino-style (fields first, then a lowercase message). A pino or
 * nestjs-pino logger satisfies it; the default writes nothing.
 */
export interface ChainLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const SILENT_LOGGER: ChainLogger = {
  info: () => undefined,
  warn: () => undefined,
};
