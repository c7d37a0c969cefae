// Training-programme enums and defaults without zod, so screens and rules can use them
// without loading the schema library.
//
// DOMAIN.md "Training programme": per unit and year, content areas and items; per member and
// year, registration, chosen items, item progress and an outcome. The five default areas are
// those of the 2018–2022 programme (Chương trình rèn luyện đoàn viên, Trung ương Đoàn).

/** Outcome of a member's year, best first (glossary: excellent / good / completed / not_completed). */
export const TRAINING_OUTCOMES = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type TrainingOutcome = (typeof TRAINING_OUTCOMES)[number];

/** "Completing" = an outcome of completed or better (DOMAIN.md, the plan's ≥ 90 % target). */
export const COMPLETING_OUTCOMES: readonly TrainingOutcome[] = ['excellent', 'good', 'completed'];

/** The five content areas of 2018–2022, with a few common items each; the unit edits them. */
export const DEFAULT_TRAINING_AREAS: readonly { area: string; items: readonly string[] }[] = [
  {
    area: 'Rèn luyện lý tưởng cách mạng',
    items: ['Học tập, nghiên cứu chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh', 'Tham gia sinh hoạt chính trị, học tập nghị quyết'],
  },
  {
    area: 'Rèn luyện đạo đức, lối sống',
    items: ['Thực hiện nếp sống văn minh, chấp hành pháp luật', 'Tham gia ít nhất một hoạt động tình nguyện'],
  },
  {
    area: 'Rèn luyện kỹ năng, nghề nghiệp',
    items: ['Hoàn thành tốt nhiệm vụ học tập, lao động', 'Học thêm một kỹ năng (ngoại ngữ, tin học, nghề)'],
  },
  {
    area: 'Rèn luyện sức khỏe',
    items: ['Tập thể dục thể thao thường xuyên', 'Tham gia một hoạt động thể thao phong trào'],
  },
  {
    area: 'Tham gia xây dựng tổ chức Đoàn',
    items: ['Sinh hoạt đoàn đầy đủ, đóng đoàn phí đúng hạn', 'Giới thiệu thanh niên ưu tú vào Đoàn'],
  },
];
