/**
 * The drill panel under a diagram whose Mermaid source has "%% drill" lines (see
 * src/study/drills/drill.ts): one form per hideable node, built here at build time so the links
 * go through the base-path rewrite and the link check like any other. The panel stays hidden
 * until src/study/drills/drill-client.ts wires it, so readers without JavaScript never meet a
 * button that does nothing.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { DrillItem } from '../study/drills/drill.ts';

function el(tagName: string, properties: Properties, children: (ElementContent | string)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  };
}

function question(id: string, item: DrillItem): Element {
  const name = `${id}-drill-${item.node}`;
  return el('form', { dataDrillNode: item.node, dataAnswer: item.answer, hidden: true }, [
    el('fieldset', {}, [
      el('legend', {}, [item.question]),
      ...item.options.map((option) =>
        el('label', {}, [el('input', { type: 'radio', name, value: option }), ` ${option}`]),
      ),
    ]),
    el('button', { type: 'submit' }, ['Check']),
    el('p', { dataDrillStatus: true, role: 'status' }),
    el('p', { dataDrillExplain: true, hidden: true }, [
      `${item.answer}: explained in `,
      el('a', { href: item.link.href }, [item.link.text]),
      '.',
    ]),
  ]);
}

/** The panel for one diagram (`id` is the diagram's element id prefix). */
export function drillPanel(id: string, title: string, items: DrillItem[]): Element {
  return el('div', { className: ['diagram-drill', 'not-content'], dataPagefindIgnore: true, hidden: true }, [
    el('button', { type: 'button', dataDrillStart: true, ariaLabel: `Drill: hide a component of “${title}”` }, [
      'Drill: hide a component',
    ]),
    ...items.map((item) => question(id, item)),
    el('div', { dataDrillControls: true, hidden: true }, [
      el('button', { type: 'button', dataDrillNext: true }, ['Another component']),
      el('button', { type: 'button', dataDrillStop: true }, ['Show the whole diagram']),
    ]),
  ]);
}
