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
