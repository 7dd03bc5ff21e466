/** Printed first by the test entry, so a runner can tell the suites' report from the workbench's own log. */
export const REPORT_START = 'kube-workbench extension tests:';

/** Prefix of the one JSON line the activation benchmark's host entry prints. */
export const ACTIVATION_TIMING = 'kube-workbench activation timing:';

/** Prefix of the one JSON line the Explorer benchmark's host entry prints. */
export const EXPLORER_TIMING = 'kube-workbench explorer timing:';
