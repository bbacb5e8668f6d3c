/**
 * The table of contents' element (`<starlight-toc>`, and the base of Starlight's mobile one), in
 * place of Starlight's own: astro.config.mjs aliases Starlight's module to this one, with the same
 * exports and behaviour. It marks the link of the section being read with aria-current.
 *
 * Why: Starlight's finds what to watch with `:has()` selectors run over every element of the page.
 * On a chapter with 80 formulas (5,000 elements) that took 13 to 20 ms on a desktop CPU, 80 to 110
 * ms at 4x, and it runs twice (desktop and mobile lists), in the page's first second. This one
 * watches the page title and the content's top-level blocks (a hundred elements), each mapped once
 * to the section heading it belongs to. If Starlight moves its module, the alias stops matching and
 * Starlight's own element is used: slower, never broken.
 */
const PAGE_TITLE_ID = '_top';
const whenIdle = (callback: () => void) =>
  window.requestIdleCallback ? window.requestIdleCallback(callback) : setTimeout(callback, 1);

export class StarlightTOC extends HTMLElement {
  private link = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');
  private readonly minH = Number.parseInt(this.dataset.minH || '2', 10);
  private readonly maxH = Number.parseInt(this.dataset.maxH || '3', 10);

  set current(link: HTMLAnchorElement) {
    if (link === this.link) return;
    this.link?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.link = link;
  }

  constructor() {
    super();
    whenIdle(() => this.init());
  }

  /** The headings the list links to: the page title and h2 to h3 (as configured) with an id. */
  private get headingSelector() {
    const levels = Array.from({ length: 1 + this.maxH - this.minH }, (_, i) => `h${this.minH + i}`);
    return `h1#${PAGE_TITLE_ID},:where(${levels.join()})[id]`;
  }

  private init() {
    const linkFor = new Map<string, HTMLAnchorElement>();
    for (const link of this.querySelectorAll('a')) linkFor.set(link.hash, link);
    const title = document.getElementById(PAGE_TITLE_ID);
    const selector = this.headingSelector;
    const linkOf = (heading: Element | null) => heading && linkFor.get('#' + encodeURIComponent(heading.id));
    // Each block belongs to the last listed heading at or before it; a block holding a listed heading,
    // to that one. (The progress page's dashboard has headings of its own, which the list leaves out.)
    const sectionOf = new Map<Element, Element>();
    let heading: Element | null = title;
    if (title) sectionOf.set(title, title);
    const blocks = document.querySelectorAll('main .sl-markdown-content > *');
    for (const block of blocks) {
      const own = block.matches(selector) ? block : block.querySelector(selector);
      if (linkOf(own)) heading = own;
      if (heading) sectionOf.set(block, heading);
    }
    const onIntersect = (entries: IntersectionObserverEntry[]) => {
      for (const { isIntersecting, target } of entries) {
        const link = isIntersecting && linkOf(sectionOf.get(target) ?? null);
        if (link) {
          this.current = link;
          break;
        }
      }
    };
    let observer: IntersectionObserver | undefined;
    const observe = () => {
      observer ??= new IntersectionObserver(onIntersect, { rootMargin: this.rootMargin() });
      for (const target of sectionOf.keys()) observer.observe(target);
    };
    observe();
    let timeout: ReturnType<typeof setTimeout>;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = undefined;
      clearTimeout(timeout);
      timeout = setTimeout(() => whenIdle(observe), 200);
    });
  }

  /** A band just under the header (and the mobile list's bar): a section is current once it reaches it. */
  private rootMargin() {
    const top =
      (document.querySelector('header')?.getBoundingClientRect().height || 0) +
      (this.querySelector('summary')?.getBoundingClientRect().height || 0) +
      32;
    return `-${top}px 0% ${top + 53 - document.documentElement.clientHeight}px`;
  }
}

customElements.define('starlight-toc', StarlightTOC);
