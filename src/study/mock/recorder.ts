/**
 * Spoken practice in mock mode: records the reader's answer with MediaRecorder, keeps it in IndexedDB
 * (recordings.ts; never uploaded) and lists a prompt's recordings to replay beside the rubric, each
 * with Delete. A blocked or missing microphone gets a clear message and leaves the mock as it was;
 * where IndexedDB fails, a recording lives in memory for the visit. Text only, through textContent.
 */
import { formatElapsed } from './plan.ts';
import { deleteRecording, listRecordings, newRecording, saveRecording, type Recording } from './recordings.ts';

const MESSAGES = {
  unsupported: 'This browser cannot record audio here. The mock works the same without a recording.',
  blocked:
    'The microphone is blocked for this page, so nothing was recorded. The mock works as before; to record, allow the microphone in your browser’s site settings and press Record again.',
  missing: 'No microphone was found, so nothing was recorded. The mock works as before.',
  failed: 'Recording could not start, so nothing was recorded. The mock works as before.',
  notSaved:
    'Recordings cannot be saved in this browser (storage is blocked or full); this one lasts until you leave the page.',
} as const;

function startProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return MESSAGES.blocked;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return MESSAGES.missing;
  return MESSAGES.failed;
}

export class AnswerRecorder {
  private prompt: string | null = null;
  private runId: string | null = null;
  private media: MediaRecorder | null = null;
  private startedAt = 0;
  /** Recordings that could not be stored, kept for this visit. */
  private inMemory: Recording[] = [];
  private urls: string[] = [];

  /**
   * `controls` holds the Record button ([data-record]) and its status ([data-record-status]); `list`
   * is the <ul> the recordings go in; `announce` speaks to the page's live region.
   */
  constructor(
    private controls: HTMLElement,
    private list: HTMLElement,
    private announce: (text: string) => void,
  ) {
    const supported = Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder !== 'undefined';
    this.button().disabled = !supported;
    if (!supported) this.status(MESSAGES.unsupported);
    this.button().addEventListener('click', () => void this.toggle());
    this.list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-delete]');
      if (button?.dataset.delete) void this.remove(button.dataset.delete);
    });
  }

  get recording(): boolean {
    return this.media?.state === 'recording';
  }

  /** The prompt and run new recordings belong to; the list shows that prompt's recordings. */
  setPrompt(prompt: string | null, runId: string | null) {
    const changed = prompt !== this.prompt;
    this.prompt = prompt;
    this.runId = runId;
    if (changed) void this.refresh();
  }

  async toggle() {
    if (this.recording) this.stop();
    else await this.start();
  }

  /** Stops a recording in progress (the mock calls this when it ends); nothing happens otherwise. */
  stop() {
    if (this.recording) this.media!.stop();
  }

  private button() {
    return this.controls.querySelector<HTMLButtonElement>('[data-record]')!;
  }

  private status(text: string) {
    this.controls.querySelector('[data-record-status]')!.textContent = text;
  }

  private async start() {
    if (!this.prompt) {
      this.status('Pick a prompt first: a recording belongs to the prompt it answers.');
      return;
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      this.status(startProblem(error));
      this.announce(startProblem(error));
      return;
    }
    const chunks: Blob[] = [];
    const prompt = this.prompt;
    const runId = this.runId;
    const media = new MediaRecorder(stream);
    media.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    media.addEventListener('stop', () => {
      for (const track of stream.getTracks()) track.stop();
      const audio = new Blob(chunks, { type: media.mimeType || 'audio/webm' });
      void this.keep(newRecording(prompt, runId, audio, performance.now() - this.startedAt, Date.now()));
    });
    this.media = media;
    this.startedAt = performance.now();
    media.start();
    this.button().textContent = 'Stop recording';
    this.status('Recording your answer. It stays in this browser.');
    this.announce('Recording started.');
  }

  private async keep(recording: Recording) {
    this.media = null;
    this.button().textContent = 'Record your answer';
    const length = formatElapsed(recording.durationMs);
    try {
      await saveRecording(recording);
      this.status(
        `Saved a ${length} recording in this browser; it is never uploaded. Replay it in the debrief, keep it or delete it.`,
      );
    } catch {
      this.inMemory.push(recording);
      this.status(`${MESSAGES.notSaved} (${length})`);
    }
    this.announce('Recording stopped and kept.');
    await this.refresh();
  }

  private async remove(id: string) {
    if (!window.confirm('Delete this recording? It cannot be undone.')) return;
    this.inMemory = this.inMemory.filter((r) => r.id !== id);
    try {
      await deleteRecording(id);
    } catch {
      // It was only in memory.
    }
    this.announce('Recording deleted.');
    await this.refresh();
  }

  /** Redraws the list of the current prompt's recordings, newest first. */
  private async refresh() {
    let stored: Recording[] = [];
    let note = '';
    if (this.prompt) {
      try {
        const { recordings, unreadable } = await listRecordings(this.prompt);
        stored = recordings;
        if (unreadable > 0) note = `${unreadable} saved recording(s) could not be read; they were left as they are.`;
      } catch {
        // No IndexedDB: only this visit's recordings.
      }
    }
    const recordings = [...this.inMemory.filter((r) => r.prompt === this.prompt), ...stored];
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
    const items = recordings.map((recording) => this.item(recording));
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = 'No recording of this prompt yet. Press “Record your answer” while the clock runs.';
      items.push(empty);
    }
    if (note) {
      const li = document.createElement('li');
      li.textContent = note;
      items.push(li);
    }
    this.list.replaceChildren(...items);
  }

  private item(recording: Recording): HTMLLIElement {
    const li = document.createElement('li');
    const label = document.createElement('p');
    const when = new Date(recording.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    label.textContent = `Recorded ${when} · ${formatElapsed(recording.durationMs)}`;
    const audio = document.createElement('audio');
    audio.controls = true;
    audio.preload = 'metadata';
    const url = URL.createObjectURL(recording.audio);
    this.urls.push(url);
    audio.src = url;
    audio.setAttribute('aria-label', label.textContent);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.dataset.delete = recording.id;
    remove.textContent = 'Delete';
    remove.setAttribute('aria-label', `Delete the recording of ${when}`);
    li.append(label, audio, remove);
    return li;
  }
}
