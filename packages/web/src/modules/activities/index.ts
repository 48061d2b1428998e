/** What other modules mount: the quick "log activity" dialog and button, and the activity list. */

export { ActivityKindIcon, ActivityKindTag, activityKindColors } from './activity-kind-tag';
export { ActivityList } from './activity-list';
export { LogActivityButton } from './log-activity-button';
export { LogActivityModal, type LogActivityModalProps } from './log-activity-modal';
export { activityKeys } from './query-keys';
export { useActivityKindLabel } from './use-activity-labels';
