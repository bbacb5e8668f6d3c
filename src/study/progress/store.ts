/**
 * Reading progress in the browser: the one versioned store of "mlguide:read", shared by the toggle,
 * the sidebar marks and the landing overview, and followed across tabs.
 */
import { versionedStore } from '../../client/store.ts';
import { READ_FORMAT } from './read-state.ts';

export const readProgress = () => versionedStore(READ_FORMAT);
