import { PromptCancelledError } from './cli-usage.error';
import { fakeTty } from './fake-tty.testing';
import { TtyPasswordPrompt } from './tty-password.prompt';

describe('TtyPasswordPrompt', () => {
  it('turns echo off (raw mode) before showing the question and restores it after', async () => {
    const tty = fakeTty();
    const answer = new TtyPasswordPrompt(tty.input, tty.output).ask('Password: ');
    tty.type('secret\r');
    await expect(answer).resolves.toBe('secret');
    expect(tty.events.slice(0, 2)).toEqual(['raw:on', 'write:Password: ']);
    expect(tty.events).toContain('raw:off');
    expect(tty.output.text()).not.toContain('secret');
  });

  it('applies Backspace and Ctrl-U and keeps spaces', async () => {
    const tty = fakeTty();
    const answer = new TtyPasswordPrompt(tty.input, tty.output).ask('? ');
    // "wrong", Ctrl-U, "pa ss", ⌫, "s!", ⌫, Enter
    tty.type('wrong\u0015pa ss\u007fs!\u007f\r');
    await expect(answer).resolves.toBe('pa ss');
  });

  it('keeps keystrokes typed ahead for the next question', async () => {
    const tty = fakeTty();
    const prompt = new TtyPasswordPrompt(tty.input, tty.output);
    const first = prompt.ask('1: ');
    tty.type('one\r\ntwo\r');
    await expect(first).resolves.toBe('one');
    await expect(prompt.ask('2: ')).resolves.toBe('two');
  });

  it('cancels on Ctrl-C and leaves raw mode', async () => {
    const tty = fakeTty();
    const answer = new TtyPasswordPrompt(tty.input, tty.output).ask('? ');
    tty.type('abc\u0003');
    await expect(answer).rejects.toBeInstanceOf(PromptCancelledError);
    expect(tty.events.at(-2)).toBe('raw:off');
  });

  it('cancels when input ends', async () => {
    const tty = fakeTty();
    const answer = new TtyPasswordPrompt(tty.input, tty.output).ask('? ');
    tty.input.push(null);
    await expect(answer).rejects.toBeInstanceOf(PromptCancelledError);
  });

  it('is only used on a TTY', () => {
    expect(TtyPasswordPrompt.isInteractive(fakeTty(true).input)).toBe(true);
    expect(TtyPasswordPrompt.isInteractive(fakeTty(false).input)).toBe(false);
  });
});
