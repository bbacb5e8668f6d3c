/**
 * Client-side fallback for diagram types the build-time renderer cannot draw. Loaded only
 * when such a diagram scrolls into view; redraws when the reader switches theme.
 */
import mermaid from 'mermaid';

let counter = 0;

async function draw(figures: NodeListOf<HTMLElement>) {
  const dark = document.documentElement.dataset.theme === 'dark';
  mermaid.initialize({ startOnLoad: false, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
  for (const figure of figures) {
    const source = figure.querySelector('.mermaid-source')?.textContent ?? '';
    figure.dataset.source ??= source;
    try {
      const { svg } = await mermaid.render(`client-diagram-${counter++}`, figure.dataset.source);
      const holder = figure.querySelector('.diagram-drawing') ?? document.createElement('div');
      holder.className = 'diagram-drawing';
      holder.innerHTML = svg;
      figure.querySelector('.mermaid-source')?.remove();
      figure.prepend(holder);
    } catch (error) {
      console.warn('Diagram could not be drawn', error);
    }
  }
}

export function drawClientDiagrams(figures: NodeListOf<HTMLElement>) {
  void draw(figures);
  new MutationObserver(() => void draw(figures)).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}
