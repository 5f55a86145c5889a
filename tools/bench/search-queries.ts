/**
 * Topical queries and the entries a domain expert would expect among the first results, for
 * `npm run bench:search` (recall@5 and MRR). Ids are those of content/ and of the entries being
 * added; an expected id that the measured build does not hold is left out of that query's score,
 * and the report says how many were.
 */
export interface TopicalQuery {
	query: string;
	/** Best first; at most five count towards recall@5. */
	expected: string[];
}

export const SEARCH_QUERIES: TopicalQuery[] = [
	{ query: 'service mesh', expected: ['istio', 'linkerd', 'envoy', 'consul'] },
	{ query: 'microservices', expected: ['linkerd', 'istio', 'envoy', 'service-fabric-paper'] },
	{
		query: 'consensus',
		expected: ['raft-paper', 'paxos-made-simple', 'part-time-parliament', 'paxos-made-live', 'etcd'],
	},
	{ query: 'SDN controller', expected: ['onos', 'opendaylight', 'orion-paper', 'ethane-paper'] },
	{
		query: 'container networking',
		expected: ['cni-spec', 'flannel', 'calico', 'cilium', 'weave-net'],
	},
	{
		query: 'cluster scheduler',
		expected: ['borg-paper', 'omega-paper', 'sparrow-paper', 'firmament-paper', 'apollo-paper'],
	},
	{
		query: 'serverless',
		expected: ['aws-lambda', 'berkeley-view-serverless', 'openfaas', 'knative', 'firecracker-paper'],
	},
	{
		query: 'datacenter transport',
		expected: ['dctcp-paper', 'homa-paper', 'swift-paper', 'falcon-transport', 'snap-paper'],
	},
	{ query: 'congestion control', expected: ['dctcp-paper', 'swift-paper', 'dcqcn-paper', 'homa-paper'] },
	{ query: 'RDMA', expected: ['rdma-commodity-ethernet-paper', 'dcqcn-paper', 'falcon-transport'] },
	{
		query: 'datacenter network topology',
		expected: ['fat-tree-paper', 'vl2-paper', 'clos-1953', 'jupiter-rising', 'facebook-fabric'],
	},
	{ query: 'programmable data plane', expected: ['p4-language', 'p4-paper', 'xdp-paper', 'ebpf'] },
	{ query: 'load balancer', expected: ['maglev-paper', 'ananta-paper', 'katran', 'metallb'] },
	{
		query: 'network virtualization',
		expected: ['nvp-paper', 'andromeda-paper', 'vfp-paper', 'open-vswitch'],
	},
	{ query: 'virtual switch', expected: ['open-vswitch', 'vfp-paper'] },
	{ query: 'OpenFlow', expected: ['openflow-spec', 'openflow-paper', 'ethane-paper'] },
	{
		query: 'BGP in the data center',
		expected: ['rfc7938-bgp-datacenter', 'espresso-paper', 'calico', 'metallb'],
	},
	{ query: 'eBPF networking', expected: ['cilium', 'ebpf', 'xdp-paper'] },
	{ query: 'ingress controller', expected: ['ingress-nginx', 'gateway-api'] },
	{ query: 'service discovery', expected: ['consul', 'apache-zookeeper', 'etcd'] },
	{
		query: 'distributed storage',
		expected: ['gfs-paper', 'bigtable-paper', 'spanner-paper', 'dynamo-paper', 'colossus-blog'],
	},
	{ query: 'key-value store', expected: ['dynamo-paper', 'etcd', 'bigtable-paper'] },
	{ query: 'lock service', expected: ['chubby-paper', 'zookeeper-paper', 'apache-zookeeper'] },
	{ query: 'tail latency', expected: ['tail-at-scale', 'killer-microseconds', 'heracles-paper'] },
	{ query: 'HPC workload manager', expected: ['slurm', 'htcondor', 'slurm-paper'] },
	{ query: 'batch jobs on Kubernetes', expected: ['kueue', 'volcano'] },
	{ query: 'GitOps', expected: ['argo-cd', 'flux'] },
	{ query: 'Kubernetes package manager', expected: ['helm'] },
	{ query: 'autoscaling', expected: ['karpenter', 'autopilot-paper'] },
	{ query: 'container runtime', expected: ['containerd', 'podman', 'docker-engine'] },
	{ query: 'virtual machines on Kubernetes', expected: ['kubevirt'] },
	{ query: 'managed Kubernetes', expected: ['amazon-eks', 'google-kubernetes-engine'] },
	{
		query: 'platform as a service',
		expected: ['heroku', 'cloud-foundry', 'openshift', 'google-app-engine', 'dokku'],
	},
	{ query: 'buildpacks', expected: ['cloud-native-buildpacks', 'heroku', 'cloud-foundry'] },
	{ query: 'fair resource allocation', expected: ['drf-paper', 'quincy-paper'] },
	{ query: 'Mesos framework', expected: ['marathon', 'apache-aurora', 'apache-mesos', 'mesos-paper'] },
	{ query: 'distributed machine learning', expected: ['ray', 'ray-paper'] },
	{ query: 'cluster traces', expected: ['google-cluster-data'] },
	{ query: 'site reliability engineering', expected: ['sre-book'] },
	{ query: 'energy efficiency', expected: ['energy-proportional-computing'] },
	{ query: 'developer portal', expected: ['backstage'] },
	{ query: 'Kubernetes clusters on any infrastructure', expected: ['cluster-api', 'rancher', 'k3s'] },
];
