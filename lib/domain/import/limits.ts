// The largest PDF the editor's import accepts (checked in the browser before uploading, and on the server).
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_MESSAGE = "PDF文件不能超过20MB。";
