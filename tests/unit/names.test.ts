import { describe, expect, it } from 'vitest';
import { editDistance, normalizeName, slugify } from '../../src/lib/names.ts';

describe('names', () => {
	it('folds case, accents and punctuation', () => {
		expect(normalizeName('  Cloud-Foundry ')).toBe('cloud foundry');
		expect(normalizeName('Égalité: P4_16')).toBe('egalite p4 16');
	});
	it('derives kebab-case ids from titles', () => {
		expect(slugify('Docker Swarm mode (SwarmKit)')).toBe('docker-swarm-mode-swarmkit');
		expect(slugify('Kubernetes: Up & Running')).toBe('kubernetes-up-running');
	});
	it('counts one edit for a substitution, insertion, deletion or transposition', () => {
		expect(editDistance('kubernets', 'kubernetes')).toBe(1);
		expect(editDistance('mesoss', 'mesos')).toBe(1);
		expect(editDistance('opneshift', 'openshift')).toBe(1);
		expect(editDistance('nomad', 'nomad')).toBe(0);
		expect(editDistance('k8s', 'kubernetes')).toBeGreaterThan(2);
	});
	it('stops early past the limit', () => {
		expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
	});
});
