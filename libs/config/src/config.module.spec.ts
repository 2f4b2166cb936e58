import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { APP_CONFIG, TaonodeConfigModule } from './config.module';
import { portVar } from './env/env-parsers';

const schema = z.object({ OPS_PORT: portVar.default(9464) }).transform((env) => ({ ops: { port: env.OPS_PORT } }));

describe('TaonodeConfigModule', () => {
  it('provides the parsed configuration under APP_CONFIG', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [TaonodeConfigModule.forRoot({ schema, env: { OPS_PORT: '1234' } })],
    }).compile();
    expect(moduleRef.get(APP_CONFIG)).toEqual({ ops: { port: 1234 } });
    await moduleRef.close();
  });

  it('refuses to bootstrap with an invalid environment', async () => {
    const compile = () =>
      Test.createTestingModule({
        imports: [TaonodeConfigModule.forRoot({ schema, env: { OPS_PORT: 'eighty' } })],
      }).compile();
    await expect(compile()).rejects.toThrow(/^Invalid environment variables: OPS_PORT: /);
  });

  it('does not copy configuration into process.env', async () => {
    const before = { ...process.env };
    const moduleRef = await Test.createTestingModule({
      imports: [TaonodeConfigModule.forRoot({ schema, env: {} })],
    }).compile();
    expect(process.env).toEqual(before);
    await moduleRef.close();
  });
});
