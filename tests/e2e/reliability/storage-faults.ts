/**
 * Ways a reader's browser storage fails, as init scripts that run before any page script:
 * - blocked: reaching `localStorage` throws a SecurityError, as in Chromium with cookies blocked;
 * - quota: reading works but every save throws a QuotaExceededError, as with a full disk or quota.
 */
export const STORAGE_FAULTS = {
  blocked: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  },
  quota: () => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
} as const;

export type StorageFault = keyof typeof STORAGE_FAULTS;

/**
 * The saved formats (by key) the storage-fault suite (storage-faults.test.ts) puts through every fault.
 * It must name every format in src/study/saved-formats.ts: tests/study/saved-formats.test.ts fails
 * when one is missing, and the suite's feature table is typed by these keys, so a new store cannot
 * skip the suite.
 */
export const FAULT_SUITE_KEYS = [
  'mlguide:read',
  'mlguide:questions',
  'mlguide:flashcards',
  'mlguide:mock',
  'mlguide:rubric',
  'mlguide:interviewer',
  'mlguide:plan',
] as const;

export type FaultSuiteKey = (typeof FAULT_SUITE_KEYS)[number];
