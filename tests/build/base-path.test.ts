import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDistSite } from '../../tools/audit/dist-site.ts';
import { checkInternalLinks } from '../../tools/audit/links.ts';
import { copyProject, PROJECT_ROOT, type ProjectCopy } from '../../tools/harness/project-copy.ts';

/** The real site built under a base path, as on a project site: every internal address must carry it. */
const BASE_PATH = '/wlm/';

let copy: ProjectCopy;
beforeAll(async () => {
	copy = copyProject(join(PROJECT_ROOT, 'content'), 'wlm-base-path');
	const { code, output } = await copy.build({ BASE_PATH });
	if (code !== 0) throw new Error(`The site did not build under ${BASE_PATH}:\n${output}`);
});
afterAll(() => copy?.remove());

it(`resolves every internal link and anchor under ${BASE_PATH}`, () => {
	const { links, broken } = checkInternalLinks(readDistSite(join(copy.root, 'dist'), BASE_PATH));
	expect(links).toBeGreaterThan(0);
	expect(broken).toEqual([]);
});
