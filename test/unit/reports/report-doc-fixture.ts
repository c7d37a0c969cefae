// A sent version and a working copy of the same quarter's report, for the document's tests.
import type { Report, ReportVersion } from '../../../src/protocol/report';
import { reportVersionRecord } from '../../../src/protocol/report';
import { sampleFigures } from './figures-fixture';

const META = { unitId: 'unit-0001', rev: {}, deleted: false, createdAt: '2026-04-01T01:00:00.000Z', updatedAt: '2026-04-05T03:00:00.000Z' };

export const UNIT = { name: 'Chi đoàn Công ty May 30/4', kind: 'branch' as const, parentUnit: 'Đoàn phường 7', secretaryName: 'Đặng Diệu Châu' };

export function sampleVersion(over: Partial<ReportVersion> = {}): ReportVersion {
  const v: ReportVersion = {
    ...META,
    id: 'report:2026:q1:v1',
    reportId: 'report:2026:q1',
    version: 1,
    kind: 'quarter',
    year: 2026,
    index: 1,
    yearKind: 'calendar',
    from: '2026-01-01',
    to: '2026-03-31',
    dueOn: '2026-04-10',
    unitName: UNIT.name,
    parentUnit: UNIT.parentUnit,
    figures: sampleFigures(),
    sections: {
      opening: 'Thực hiện chương trình công tác năm 2026 của Đoàn phường 7, Ban Chấp hành chi đoàn báo cáo như sau:',
      situation: 'Chi đoàn có 42 đoàn viên, sinh hoạt tại 2 tổ.',
      politicalEducation: 'Tổ chức 1 buổi sinh hoạt chính trị về Nghị quyết Đại hội.',
      movements: 'Trong quý, chi đoàn tổ chức 3 hoạt động với 75 lượt đoàn viên tham gia.',
      buildingUnion: 'Trong quý, chi đoàn tổ chức 3 buổi sinh hoạt định kỳ, tỷ lệ tham dự bình quân 86 %.\nKết nạp 3 đoàn viên mới.',
      strengths: 'Đoàn viên tham gia đông đủ.',
      weaknesses: '',
      causes: '   ',
      difficulties: 'Kinh phí hoạt động còn hạn chế.',
      direction: 'Tổ chức Tháng Thanh niên.',
    },
    docNumber: '05-BC/CĐ',
    place: 'Phường 7',
    recipients: '- Đoàn phường 7 (để báo cáo);\n- Lưu VP.',
    signerTitle: 'secretary',
    signerName: 'Đặng Diệu Châu',
    submittedAt: '2026-04-05T03:00:00.000Z',
    submittedBy: 'Đặng Diệu Châu',
    ...over,
  };
  return reportVersionRecord.parse(v);
}

export function sampleReport(over: Partial<Report> = {}): Report {
  const v = sampleVersion();
  return {
    ...META,
    id: 'report:2026:q1',
    kind: 'quarter',
    year: 2026,
    index: 1,
    yearKind: 'calendar',
    status: 'draft',
    version: 1,
    ...v.sections,
    docNumber: v.docNumber,
    place: v.place,
    recipients: v.recipients,
    signerTitle: v.signerTitle,
    ...over,
  };
}
