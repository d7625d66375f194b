import { readFileSync } from 'fs';
import { join } from 'path';

// docs/domain-core.md shows one complete preset (it was in the README); this keeps that copy from drifting away from the real file.
const root = join(__dirname, '..');

describe('README preset example', () => {
  it('equals the Qinghai preset without its sources and notes', () => {
    const readme = readFileSync(join(root, 'docs/domain-core.md'), 'utf8');
    const block =
      /<!-- preset-example:qinghai-hospital-3y -->\s*```json\n([\s\S]*?)\n```\s*<!-- \/preset-example -->/.exec(readme);
    expect(block).not.toBeNull();
    const preset = JSON.parse(
      readFileSync(join(root, 'libs/contracts/src/presets/qinghai-hospital-3y.preset.json'), 'utf8'),
    ) as Record<string, unknown>;
    const { sources: _sources, notes: _notes, ...config } = preset;
    expect(JSON.parse((block as RegExpExecArray)[1])).toEqual(config);
  });
});
