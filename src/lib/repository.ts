const GITHUB_REPOSITORY_URL =
	/^https:\/\/github\.com\/([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?\/?$/;

/**
 * The GitHub repository whose health an entry reports: its `repository` field, or its url when
 * that is a repository's address. Undefined for everything not on GitHub.
 */
export function repositoryOf(data: {
	url: string;
	repository?: string | undefined;
}): string | undefined {
	return data.repository ?? GITHUB_REPOSITORY_URL.exec(data.url)?.[1];
}
