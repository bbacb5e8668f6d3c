// The retrieval lab's view off the main thread (see kit/view-worker.ts).
import { serveView } from '../kit/view-worker.ts';
import { view } from './view.ts';

serveView(view);
