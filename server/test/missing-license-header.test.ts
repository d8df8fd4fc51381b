// The header fix writes the current year, so its results are checked here rather than in
// .fixed.py fixtures; the messages say exactly what is missing.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllText } from '../src/engine/fixAll';
import type { LintSession } from '../src/engine/session';
import { missingLicenseHeader } from '../src/rules/files/missing-license-header';
import { FIXTURES, sessionWith } from './fixtureHarness';
import { makeTree } from './tempTree';

const DIR = join(FIXTURES, 'rules', 'missing-license-header');
// A workspace that asks for the full notice (the Genkit presets accept the short form).
const LOOSE_FILE = join(DIR, 'full-style', 'packages', 'genkit-fastapi', 'src', 'genkit_fastapi', 'virtual.py');
const SPDX_WORKSPACE_FILE = join(DIR, 'spdx-style', 'packages', 'acme', 'src', 'acme', 'virtual.py');

function fullHeader(year: number, eol = '\n'): string {
  return [
    `# Copyright ${year} Google LLC`,
    '#',
    '# Licensed under the Apache License, Version 2.0 (the "License");',
    '# you may not use this file except in compliance with the License.',
    '# You may obtain a copy of the License at',
    '#',
    '#     http://www.apache.org/licenses/LICENSE-2.0',
    '#',
    '# Unless required by applicable law or agreed to in writing, software',
    '# distributed under the License is distributed on an "AS IS" BASIS,',
    '# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.',
    '# See the License for the specific language governing permissions and',
    '# limitations under the License.',
    '#',
    '# SPDX-License-Identifier: Apache-2.0',
  ].join(eol);
}

describe('missing-license-header', () => {
  let session: LintSession;
  const year = new Date().getFullYear();
  before(async () => {
    session = await sessionWith([missingLicenseHeader]);
  });

  function fixAll(file: string, text: string): string {
    return fixAllText(file, text, (t) => session.lintText(file, t)).text;
  }

  function messages(text: string, file = LOOSE_FILE): string[] {
    return session.lintText(file, text).map((f) => f.message);
  }

  it('inserts the full Apache header with the current year, then one blank line', () => {
    const findings = session.lintText(LOOSE_FILE, '"""Doc."""\n');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fix && { title: findings[0].fix.title, safe: findings[0].fix.safe }, { title: 'Add license header', safe: true });
    assert.equal(fixAll(LOOSE_FILE, '"""Doc."""\n'), `${fullHeader(year)}\n\n"""Doc."""\n`);
  });

  it('puts the header after a shebang and an encoding line', () => {
    const text = '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nimport os\n';
    assert.equal(fixAll(LOOSE_FILE, text), `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n${fullHeader(year)}\n\nimport os\n`);
  });

  it('puts the header before other comments at the top', () => {
    assert.equal(fixAll(LOOSE_FILE, '# Helper script.\nx = 1\n'), `${fullHeader(year)}\n\n# Helper script.\nx = 1\n`);
  });

  it("uses the file's CRLF line endings", () => {
    assert.equal(fixAll(LOOSE_FILE, 'import os\r\nimport sys\r\n'), `${fullHeader(year, '\r\n')}\r\n\r\nimport os\r\nimport sys\r\n`);
  });

  it('adds a line break after a shebang that ends the file', () => {
    assert.equal(fixAll(LOOSE_FILE, '#!/usr/bin/env python3'), `#!/usr/bin/env python3\n${fullHeader(year)}\n\n`);
  });

  it('writes the configured holder and SPDX id in spdx style', () => {
    assert.equal(fixAll(SPDX_WORKSPACE_FILE, 'x = 1\n'), `# Copyright ${year} Acme Corp\n# SPDX-License-Identifier: MIT\n\nx = 1\n`);
    assert.deepEqual(messages('x = 1\n', SPDX_WORKSPACE_FILE), ['No license header: the file should start with `Copyright <year> Acme Corp` and `SPDX-License-Identifier: MIT`.']);
  });

  it('says there is no header at all', () => {
    assert.deepEqual(messages('x = 1\n'), [
      'No license header: the file should start with `Copyright <year> Google LLC`, the Apache-2.0 notice and `SPDX-License-Identifier: Apache-2.0`.',
    ]);
  });

  it('names each missing part of an incomplete header and offers no fix', () => {
    const noSpdx = fullHeader(2024).replace(/\n#\n# SPDX.*$/, '');
    assert.deepEqual(messages(`${noSpdx}\nx = 1\n`), ['License header is incomplete: no `SPDX-License-Identifier: Apache-2.0` line.']);
    assert.deepEqual(messages(fullHeader(2024).replace('Google LLC', 'Example Inc') + '\n'), ['License header is incomplete: the copyright line names "Example Inc", not "Google LLC".']);
    assert.deepEqual(messages(fullHeader(2024).replace('Apache-2.0', 'MIT') + '\n'), [
      'License header is incomplete: `SPDX-License-Identifier: MIT` should be `SPDX-License-Identifier: Apache-2.0`.',
    ]);
    assert.deepEqual(messages('# SPDX-License-Identifier: Apache-2.0\nx = 1\n'), [
      'License header is incomplete: no `Copyright <year> Google LLC` line; no Apache-2.0 notice ("Licensed under the Apache License, Version 2.0 ...").',
    ]);
    for (const f of session.lintText(LOOSE_FILE, '# SPDX-License-Identifier: Apache-2.0\nx = 1\n')) assert.equal(f.fix, undefined);
  });

  it('accepts any year, year ranges and lists, (c) and a holder followed by punctuation', () => {
    for (const line of ['Copyright 1999 Google LLC', 'Copyright 2019-2025 Google LLC', 'Copyright (c) 2020, 2023 Google LLC', 'Copyright © 2021 Google LLC. All rights reserved.']) {
      assert.deepEqual(messages(fullHeader(2025).replace('Copyright 2025 Google LLC', line) + '\n'), [], line);
    }
  });

  it('judges the same header afresh for another licence setting, and an edited header afresh', () => {
    const google = `${fullHeader(2025)}\nx = 1\n`;
    assert.deepEqual(messages(google), []);
    assert.deepEqual(messages(google, SPDX_WORKSPACE_FILE), [
      'License header is incomplete: the copyright line names "Google LLC", not "Acme Corp"; `SPDX-License-Identifier: Apache-2.0` should be `SPDX-License-Identifier: MIT`.',
    ]);
    assert.deepEqual(messages(google), []);
    assert.deepEqual(messages(google.replace('2025 Google', '2025 Googol')), ['License header is incomplete: the copyright line names "Googol LLC", not "Google LLC".']);
    assert.deepEqual(messages(`${google}y = 2\n`), []);
  });

  it('accepts the notice wrapped differently', () => {
    const wrapped = fullHeader(2025).replace('# Licensed under the Apache License, Version 2.0 (the "License");', '# Licensed under the Apache License,\n# Version 2.0 (the "License");');
    assert.deepEqual(messages(`${wrapped}\n`), []);
  });

  it('points at a header below the docstring instead of adding a second one', () => {
    const findings = session.lintText(LOOSE_FILE, `"""Doc."""\n\n${fullHeader(2025)}\n`);
    assert.deepEqual(
      findings.map((f) => [f.message, f.fix]),
      [['No license header at the top of the file: line 3 looks like one, but the header must be the comment block before any code.', undefined]],
    );
  });
  describe('what the project declared', () => {
    const SHORT = join(DIR, 'short-form', 'packages', 'genkit-fastapi', 'src', 'genkit_fastapi');
    const FULL = join(DIR, 'full-style', 'packages', 'genkit-fastapi', 'src', 'genkit_fastapi');
    const read = (file: string) => readFileSync(file, 'utf8');

    it('style "spdx": the short form passes and is what the fix writes; the notice alone lacks the SPDX line', () => {
      assert.equal(fixAll(join(SHORT, 'bare.py'), read(join(SHORT, 'bare.py'))), `# Copyright ${year} Google LLC\n# SPDX-License-Identifier: Apache-2.0\n\n${read(join(SHORT, 'bare.py'))}`);
      assert.deepEqual(messages(read(join(SHORT, 'scripts.py')), join(SHORT, 'scripts.py')), []);
      assert.deepEqual(messages(read(join(SHORT, 'notice_only.py')), join(SHORT, 'notice_only.py')), ['License header is incomplete: no `SPDX-License-Identifier: Apache-2.0` line.']);
    });

    it('style "full": the short form lacks the notice, and the fix writes the full header', () => {
      assert.deepEqual(messages(read(join(SHORT, 'scripts.py')), join(FULL, 'scripts.py')), ['License header is incomplete: no Apache-2.0 notice ("Licensed under the Apache License, Version 2.0 ...").']);
      assert.equal(fixAll(join(FULL, 'bare.py'), 'x = 1\n'), `${fullHeader(year)}\n\nx = 1\n`);
    });

    it('asks for no Apache notice when the configured licence is another one, even in the full style', async () => {
      const root = makeTree({ 'pyproject.toml': '[tool.uv.workspace]\nmembers = []\n\n[tool.pyguide.license]\nholder = "Acme Inc."\nspdx = "MIT"\nstyle = "full"\n' }, 'pyguide-license-');
      try {
        const file = join(root, 'a.py');
        const own = await sessionWith([missingLicenseHeader]);
        assert.deepEqual(own.lintText(file, 'x = 1\n').map((f) => f.message), ['No license header: the file should start with `Copyright <year> Acme Inc.` and `SPDX-License-Identifier: MIT`.']);
        assert.equal(fixAllText(file, 'x = 1\n', (t) => own.lintText(file, t)).text, `# Copyright ${year} Acme Inc.\n# SPDX-License-Identifier: MIT\n\nx = 1\n`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it("never asks for or writes a licence that contradicts the package's own license field", () => {
      const mit = join(DIR, 'declared', 'packages', 'mit-lib', 'src', 'mit_lib');
      for (const text of ['x = 1\n', read(join(mit, 'core.py'))]) assert.deepEqual(session.lintText(join(mit, 'new.py'), text), []);
      const dual = join(DIR, 'declared', 'packages', 'dual', 'src', 'dual', 'new.py');
      assert.equal(fixAll(dual, 'x = 1\n'), `${fullHeader(year)}\n\nx = 1\n`);
    });
  });
});
