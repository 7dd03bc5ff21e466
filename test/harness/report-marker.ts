/** Printed first by the test entry, so a runner can tell the suites' report from the workbench's own log. */
export const REPORT_START = 'kube-workbench extension tests:';
