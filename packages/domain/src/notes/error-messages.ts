import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of notes, with a message for every UI language. */
export const noteErrors = defineErrorMessages(['note'], {
  'note.mention_not_allowed': {
    en: 'Only active colleagues who can see this customer can be mentioned.',
    'zh-CN': '只能提及可以查看该客户的在职同事。',
  },
});

/** Stable codes of attachments, with a message for every UI language. */
export const attachmentErrors = defineErrorMessages(['attachment'], {
  'attachment.file_required': { en: 'Choose a file to upload.', 'zh-CN': '请选择要上传的文件。' },
  'attachment.too_large': { en: 'The file is larger than allowed.', 'zh-CN': '文件超过允许的大小。' },
  'attachment.type_unsupported': {
    en: 'This type of file cannot be attached. Allowed: PDF, images (PNG, JPEG, GIF, WebP, TIFF), Word, Excel, text and CSV.',
    'zh-CN': '不支持该文件类型。可上传 PDF、图片（PNG、JPEG、GIF、WebP、TIFF）、Word、Excel、文本和 CSV 文件。',
  },
  'attachment.type_mismatch': {
    en: 'The content of the file does not match its name (for example a program renamed to .pdf).',
    'zh-CN': '文件内容与文件名不符（例如被改名为 .pdf 的程序）。',
  },
});
