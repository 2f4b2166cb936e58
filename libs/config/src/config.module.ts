import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { z } from 'zod';
import { type EnvSource, parseEnv } from './parse-env';

/** Injection token of an app's parsed configuration (the output of its schema). */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface TaonodeConfigOptions<S extends z.ZodType> {
  /** The app's schema (`config.ts`), composed from this library's env fragments. */
  readonly schema: S;
  /** Where variables come from; `process.env` unless a test passes its own. */
  readonly env?: EnvSource;
}

/**
 * Validates the environment once at startup through @nestjs/config (bootstrap fails with
 * "Invalid environment variables: …") and provides the typed result globally under {@link APP_CONFIG}.
 * `.env` files are not read and nothing is written back to `process.env`.
 */
@Module({})
export class TaonodeConfigModule {
  static forRoot<S extends z.ZodType>(options: TaonodeConfigOptions<S>): DynamicModule {
    let parsed: { value: z.output<S> } | undefined;
    const validate = (): Record<string, unknown> => {
      parsed = { value: parseEnv(options.schema, options.env ?? process.env) };
      // Nested under one key: @nestjs/config copies top-level strings, numbers and booleans into process.env.
      return { taonode: parsed.value };
    };
    return {
      module: TaonodeConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          validate,
        }),
      ],
      providers: [
        {
          provide: APP_CONFIG,
          useFactory: () => {
            if (parsed === undefined) {
              // ConfigModule.forRoot runs `validate` before the module is instantiated; reaching here is a bug.
              throw new Error('configuration was not validated before use');
            }
            return parsed.value;
          },
        },
      ],
      exports: [APP_CONFIG],
    };
  }
}
