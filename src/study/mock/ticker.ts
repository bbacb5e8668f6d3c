/**
 * A once-a-second tick for the mock's and the interviewer's clocks, which also notices the system
 * clock being set back: it compares the wall clock with the page's monotonic clock at every tick and
 * passes how far the wall clock went back (0 when it did not), so the caller can shift its stored
 * start by as much (shiftClock in clock.ts) and the time shown neither freezes nor shrinks. A jump
 * forward is not reported: the page cannot tell it from a laptop waking from sleep, whose time a mock
 * counts, as a real interview would.
 */

/** A gap this large between the wall clock and the monotonic clock means the system clock moved. */
const JUMP_MS = 2_000;

export class Ticker {
  private timer: number | undefined;
  private anchor = { wall: 0, mono: 0 };

  constructor(private onTick: (now: number, wentBackMs: number) => void) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start() {
    this.anchor = { wall: Date.now(), mono: performance.now() };
    this.timer ??= window.setInterval(() => this.tick(), 1000);
  }

  stop() {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick() {
    const wall = Date.now();
    const mono = performance.now();
    const expected = this.anchor.wall + (mono - this.anchor.mono);
    this.anchor = { wall, mono };
    this.onTick(wall, wall < expected - JUMP_MS ? wall - expected : 0);
  }
}
