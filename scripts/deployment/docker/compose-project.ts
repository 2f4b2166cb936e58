import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import YAML from 'yaml';
import type { ResolvedCompose } from './compose-host-network';

const run = promisify(execFile);
const MAX_OUTPUT = 64 * 1024 * 1024;

/** One container of the project as `docker inspect` describes it (the fields the test reads). */
export interface ContainerState {
  readonly name: string;
  readonly service: string;
  /** created | running | restarting | exited | … */
  readonly status: string;
  readonly exitCode: number;
  readonly restartCount: number;
  /** starting | healthy | unhealthy, or undefined for a container without a healthcheck. */
  readonly health: string | undefined;
}

interface InspectedContainer {
  readonly Name: string;
  readonly RestartCount: number;
  readonly State: { readonly Status: string; readonly ExitCode: number; readonly Health?: { readonly Status: string } };
  readonly Config: { readonly Labels: Readonly<Record<string, string>> };
}

/** docker-compose 1.29 driving one project (`-p name -f file -f file …`) on one engine; every call is bounded. */
export class ComposeProject {
  constructor(
    private readonly directory: string,
    private readonly files: readonly string[],
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The configuration Compose resolves from the files (merged, interpolated), as it would run it. */
  async config(): Promise<ResolvedCompose> {
    return YAML.parse(await this.compose(['config'], 60_000)) as ResolvedCompose;
  }

  async build(timeoutMs: number): Promise<void> {
    await this.compose(['build'], timeoutMs);
  }

  /**
   * `up -d` of `services` with images already built; Compose itself waits on `depends_on` conditions, so this
   * resolves only once the one-shot and healthy dependencies are through. `signal` ends it early.
   */
  async up(services: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<void> {
    await this.compose(['up', '-d', '--no-build', ...services], timeoutMs, signal);
  }

  async down(): Promise<void> {
    await this.compose(['down', '--volumes', '--remove-orphans', '--timeout', '20'], 180_000);
  }

  async containers(): Promise<ContainerState[]> {
    const ids = (await this.compose(['ps', '-a', '-q'], 30_000)).split('\n').filter((id) => id !== '');
    if (ids.length === 0) {
      return [];
    }
    const { stdout } = await run('docker', ['inspect', ...ids], { env: this.env, timeout: 30_000 });
    return (JSON.parse(stdout) as InspectedContainer[]).map((container) => ({
      name: container.Name.replace(/^\//, ''),
      service: container.Config.Labels['com.docker.compose.service'] ?? '?',
      status: container.State.Status,
      exitCode: container.State.ExitCode,
      restartCount: container.RestartCount,
      health: container.State.Health?.Status,
    }));
  }

  /** The last `tail` log lines of every container, never failing (it explains failures). */
  async logs(tail = 60): Promise<string> {
    try {
      return await this.compose(['logs', '--no-color', '--tail', String(tail)], 60_000);
    } catch (error) {
      return `(docker-compose logs failed: ${error instanceof Error ? error.message : String(error)})`;
    }
  }

  private async compose(args: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<string> {
    const fileArgs = this.files.flatMap((file) => ['-f', file]);
    try {
      const { stdout } = await run('docker-compose', ['-p', this.name, ...fileArgs, ...args], {
        cwd: this.directory,
        env: this.env,
        timeout: timeoutMs,
        maxBuffer: MAX_OUTPUT,
        signal,
      });
      return stdout;
    } catch (error) {
      const failure = error as Error & { stderr?: string; killed?: boolean };
      const why = failure.killed === true ? `did not finish within ${timeoutMs / 1000} s` : 'failed';
      const stderr = (failure.stderr ?? '').split('\n').slice(-40).join('\n');
      throw new Error(`docker-compose ${args.join(' ')} ${why}:\n${stderr}`);
    }
  }
}
