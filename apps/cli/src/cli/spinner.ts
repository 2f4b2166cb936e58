const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

/** Where progress goes: stderr, so stdout stays clean for results and `--json`. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * Runs `work` while showing `text`: an animated spinner on a terminal, one plain `text…` line otherwise (so logs
 * and CI output show what the command waited for). The spinner line is erased when the work settles.
 */
export async function withSpinner<T>(stream: ProgressStream, text: string, work: () => Promise<T>): Promise<T> {
  if (stream.isTTY !== true) {
    stream.write(`${text}...\n`);
    return work();
  }
  let frame = 0;
  const draw = (): void => {
    stream.write(`\r\u001b[2K${FRAMES[frame % FRAMES.length] ?? ''} ${text}`);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, FRAME_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    stream.write('\r\u001b[2K');
  }
}
