import { podFlagRule } from '../pod-flag.ts';

export const hostNetwork = podFlagRule('host-network', 'hostNetwork', "The pod sees every interface of the node and can bind its ports, sniff its traffic and reach services bound to localhost.");
