/** Saves `text` as a file download named `filename` (an export or backup; nothing leaves the browser). */
export function downloadText(text: string, filename: string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = filename;
  link.click();
  // The click starts the download at once; the URL only has to outlive it.
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
