import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../tools/harness/project-copy.ts';

/** The GitHub workflows, parsed: what runs when, with which token rights, doing what. */

interface Step {
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
	'continue-on-error'?: boolean;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
}

const workflow = (name: string) =>
	parse(readFileSync(join(PROJECT_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);
const action = (flow: Workflow, name: string) =>
	steps(flow).find((step) => step.uses?.startsWith(`${name}@`));
const running = (flow: Workflow, command: string) =>
	steps(flow).find((step) => step.run?.includes(command));

describe('workflows', () => {
	it('ci runs .ci/run on pushes and pull requests, with a read-only token, then previews the change', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.permissions).toEqual({ contents: 'read' });
		expect(running(ci, 'bash .ci/run')).toBeDefined();
		const preview = running(ci, 'npm run pr-summary');
		expect(preview?.if).toBe("github.event_name == 'pull_request'");
		expect(preview?.run).toContain('--base origin/${{ github.base_ref }}');
		const links = running(ci, 'npm run check:links');
		expect(links?.run).toContain('--changed-since');
		expect(links?.['continue-on-error']).toBe(true);
		expect(action(ci, 'actions/upload-artifact')?.with?.path).toBe('dist/');
	});

	it('deploy builds with withastro/action from the Pages configuration and deploys with deploy-pages', () => {
		const deploy = workflow('deploy.yml');
		expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
		expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
		const build = action(deploy, 'withastro/action');
		expect(build?.env).toMatchObject({
			SITE_URL: '${{ steps.pages.outputs.origin }}',
			BASE_PATH: '${{ steps.pages.outputs.base_path }}/',
		});
		expect(
			steps(deploy).find((step) => step.uses?.startsWith('actions/configure-pages@')),
		).toMatchObject({ id: 'pages' });
		expect(deploy.jobs.deploy?.needs).toBe('build');
		expect(deploy.jobs.deploy?.environment?.name).toBe('github-pages');
		expect(action(deploy, 'actions/deploy-pages')).toBeDefined();
	});

	it('refresh runs weekly with the workflow token and proposes one pull request of content/health only', () => {
		const refresh = workflow('refresh.yml');
		expect(Object.keys(refresh.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
		expect(refresh.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
		expect(running(refresh, 'npm run refresh')?.env).toEqual({
			GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
		});
		expect(action(refresh, 'peter-evans/create-pull-request')?.with).toMatchObject({
			branch: 'bot/repository-health',
			'add-paths': 'content/health',
		});
	});

	it('link health runs weekly and keeps one issue with its report', () => {
		const links = workflow('links.yml');
		expect(Object.keys(links.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
		expect(links.permissions).toEqual({ contents: 'read', issues: 'write' });
		expect(running(links, 'npm run check:links')?.run).toContain('--report link-report.md');
		const issue = running(links, 'gh issue');
		expect(issue?.run).toContain('gh issue edit');
		expect(issue?.run).toContain('--label link-health');
	});

	it('every npm script a workflow runs exists', () => {
		const scripts = Object.keys(
			(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: object })
				.scripts,
		);
		for (const name of ['ci.yml', 'deploy.yml', 'refresh.yml', 'links.yml']) {
			for (const step of steps(workflow(name))) {
				for (const [, script] of (step.run ?? '').matchAll(/npm run (?:--silent )?([\w:-]+)/g)) {
					expect(scripts, `${name}: npm run ${script}`).toContain(script);
				}
			}
		}
	});
});
