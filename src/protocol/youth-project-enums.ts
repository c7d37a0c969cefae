// Youth projects (công trình / phần việc thanh niên), without zod.

/** công trình thanh niên (a built work) or phần việc thanh niên (a task) */
export const YOUTH_PROJECT_KINDS = ['project', 'task'] as const;
export type YouthProjectKind = (typeof YOUTH_PROJECT_KINDS)[number];

/** registered → plan approved → in progress → completed → accepted by cấp trên (nghiệm thu); or dropped */
export const YOUTH_PROJECT_STAGES = ['registered', 'planApproved', 'inProgress', 'completed', 'accepted', 'dropped'] as const;
export type YouthProjectStage = (typeof YOUTH_PROJECT_STAGES)[number];
