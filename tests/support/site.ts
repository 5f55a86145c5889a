import { inject } from 'vitest';

/** The real build shared by the site tests; fails the calling file with the build's own output if it was refused. */
export function builtSite(): { distDir: string; siteUrl: string } {
	const failure = inject('buildFailure');
	if (failure) throw new Error(`The site did not build:\n${failure}`);
	return { distDir: inject('distDir'), siteUrl: inject('siteUrl') };
}
