import * as assert from 'assert';
import { manifest, markdownFiles, readRepoFile } from './guide-files';

/*
 * How big diagram text really is in a walkthrough.
 *
 * VS Code shows a step's `svg` media inline in a webview whose style sizes the <svg> element to 80% of the
 * media column, never narrower than 350 px and never wider than 530 px, at the full height of the column
 * (workbench/contrib/welcomeGettingStarted, renderSVG). At VS Code's default 1200 x 800 window with the side
 * bar closed, the media column is 8/15 of 80% of the editor, minus padding, about 457 px, so the <svg> is about
 * 366 px wide; with the side bar open the page stacks into one 500 px column (the <svg> is 400 px). We assume
 * the narrowest case, 350 px: a user unit of the viewBox is then 350 / viewBox width pixels. (Checked against
 * the host suite's screenshot: in its 1400 x 900 window the formula gives 434 px, and the diagram measures that.)
 * The viewBox keeps its aspect ratio, so a tall diagram would be scaled to the height instead; a diagram no
 * taller than 1.2 times its width is width-bound in a media column at least 420 px high (a 768 px window).
 */
const SVG_MIN_RENDERED_WIDTH = 350;
const MAX_ASPECT = 1.2;
const MIN_TEXT_PX = 12;

/** Average advance of a character, in em: generous for proportional fonts so an estimate errs towards "too wide". */
function charWidthEm(family: string, bold: boolean): number {
  if (/mono/i.test(family)) return 0.6;
  return bold ? 0.62 : 0.56;
}

interface Style { fontSize: number; family: string; bold: boolean; anchor: string; transformed: boolean }
interface Run { text: string; style: Style }
interface TextElement { x: number; y: number; style: Style; runs: Run[] }

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
}

function styled(parent: Style, attrs: string): Style {
  const size = attr(attrs, 'font-size');
  const weight = attr(attrs, 'font-weight');
  return {
    fontSize: size ? Number(size) : parent.fontSize,
    family: attr(attrs, 'font-family') ?? parent.family,
    bold: weight ? weight === 'bold' || Number(weight) >= 600 : parent.bold,
    anchor: attr(attrs, 'text-anchor') ?? parent.anchor,
    transformed: parent.transformed || attr(attrs, 'transform') !== undefined,
  };
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The <text> elements of an SVG with the styles they inherit; enough XML for our own diagrams. */
function textElements(svg: string): TextElement[] {
  const stack: Style[] = [{ fontSize: 16, family: 'sans-serif', bold: false, anchor: 'start', transformed: false }];
  const found: TextElement[] = [];
  let current: TextElement | undefined;
  let skipDepth = 0; // inside <title>/<desc>
  for (const token of svg.matchAll(/<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, tag, attrs = '', selfClosing, text] = token;
    if (text !== undefined) {
      if (current && !skipDepth && text.trim()) current.runs.push({ text: decode(text.replace(/\s+/g, ' ')), style: stack[stack.length - 1] });
      continue;
    }
    if (tag === 'title' || tag === 'desc') { skipDepth += closing ? -1 : 1; continue; }
    if (closing) {
      stack.pop();
      if (tag === 'text' && current) { found.push(current); current = undefined; }
      continue;
    }
    const style = styled(stack[stack.length - 1], attrs);
    if (tag === 'text') current = { x: Number(attr(attrs, 'x') ?? 0), y: Number(attr(attrs, 'y') ?? 0), style, runs: [] };
    if (!selfClosing) stack.push(style);
  }
  return found;
}

function viewBox(svg: string): { width: number; height: number } {
  const box = /<svg[^>]*\sviewBox="([\d.\s-]+)"/.exec(svg)?.[1].trim().split(/\s+/).map(Number);
  assert.ok(box && box.length === 4, 'the <svg> element has a viewBox');
  return { width: box[2], height: box[3] };
}

/** Every SVG a walkthrough step shows, and every SVG a guide page embeds. */
function walkthroughSvgs(): string[] {
  const files = new Set<string>();
  for (const walkthrough of manifest.contributes.walkthroughs) {
    for (const step of walkthrough.steps) if (step.media.svg) files.add(step.media.svg);
  }
  for (const file of markdownFiles('walkthroughs')) {
    for (const match of readRepoFile(file).matchAll(/!\[[^\]]*\]\(((?:\.\.\/)+media\/[^)\s]+\.svg)\)/g)) files.add(`media/${match[1].split('media/')[1]}`);
  }
  return [...files].sort();
}

describe('walkthrough media are readable', () => {
  const svgs = walkthroughSvgs();

  it('finds the diagrams the walkthroughs show', () => {
    assert.ok(svgs.length >= 3, `found ${svgs.join(', ')}`);
  });

  for (const file of svgs) {
    describe(file, () => {
      const svg = readRepoFile(file);
      const box = viewBox(svg);
      const scale = SVG_MIN_RENDERED_WIDTH / box.width;

      it(`is at most ${MAX_ASPECT} times as tall as wide, so the column width decides its size`, () => {
        assert.ok(box.height / box.width <= MAX_ASPECT, `viewBox ${box.width} x ${box.height}`);
      });

      it(`shows every text at ${MIN_TEXT_PX} px or more when drawn ${SVG_MIN_RENDERED_WIDTH} px wide`, () => {
        const small = textElements(svg).flatMap((t) => t.runs)
          .filter((run) => run.style.fontSize * scale < MIN_TEXT_PX - 1e-9)
          .map((run) => `"${run.text.trim()}" at ${(run.style.fontSize * scale).toFixed(1)} px`);
        assert.deepStrictEqual(small, []);
      });

      it('keeps every line of text inside the picture (no cut-off code)', () => {
        const outside: string[] = [];
        for (const element of textElements(svg)) {
          const width = element.runs.reduce((sum, run) => sum + run.text.length * charWidthEm(run.style.family, run.style.bold) * run.style.fontSize, 0);
          const text = element.runs.map((r) => r.text).join('');
          if (element.style.transformed) {
            // Rotated labels run along the height.
            if (width > box.height) outside.push(`"${text}" (rotated) is about ${Math.round(width)} units long`);
            continue;
          }
          const left = element.style.anchor === 'middle' ? element.x - width / 2 : element.style.anchor === 'end' ? element.x - width : element.x;
          if (left < 0 || left + width > box.width) outside.push(`"${text}" spans about ${Math.round(left)}..${Math.round(left + width)} of 0..${box.width}`);
          if (element.y > box.height || element.y - element.style.fontSize < 0) outside.push(`"${text}" at y=${element.y} is outside 0..${box.height}`);
        }
        assert.deepStrictEqual(outside, []);
      });
    });
  }

  it('measures what it claims: a 760-unit-wide diagram with 13-unit text would be too small', () => {
    const wide = '<svg viewBox="0 0 760 200"><g font-size="13"><text x="10" y="20">tiny</text></g></svg>';
    const [element] = textElements(wide);
    assert.strictEqual(element.runs[0].style.fontSize * (SVG_MIN_RENDERED_WIDTH / viewBox(wide).width) < MIN_TEXT_PX, true);
  });
});
