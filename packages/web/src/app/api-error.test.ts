import { errorMessage } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse, isApiError, problemMessage } from './api-error';

const problem = {
  type: 'about:blank',
  title: 'Unprocessable Entity',
  status: 422,
  code: 'validation.failed',
  detail: '部分字段填写有误。',
  errors: [{ field: 'contacts.0.email', code: 'invalid_format', message: '邮箱格式不正确' }],
};

describe('apiErrorFromResponse', () => {
  it('reads a problem+json answer with its code and field errors', () => {
    const error = apiErrorFromResponse(422, 'Unprocessable Entity', problem);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'validation.failed', detail: '部分字段填写有误。' });
    expect(error.fieldErrors).toEqual(problem.errors);
    expect(error.message).toBe('部分字段填写有误。');
  });

  it('answers without a problem body get a code from the status', () => {
    expect(apiErrorFromResponse(404, 'Not Found', undefined)).toMatchObject({
      status: 404,
      code: 'http.404',
      title: 'Not Found',
      fieldErrors: [],
    });
    expect(apiErrorFromResponse(409, '', { message: 'plain JSON, not a problem' })).toMatchObject({
      code: 'http.409',
      title: 'HTTP 409',
    });
  });

  it('a proxy error page in front of the server is an internal error', () => {
    expect(apiErrorFromResponse(502, 'Bad Gateway', '<html>Bad Gateway</html>')).toMatchObject({
      status: 502,
      code: 'internal.error',
    });
  });
});

describe('ApiError.displayMessage', () => {
  it("shows the server's localized detail first", () => {
    expect(new ApiError(problem).displayMessage('en')).toBe('部分字段填写有误。');
  });

  it('without a detail, shows the message of a known code in the UI language', () => {
    const error = new ApiError({ type: 'about:blank', title: 'Conflict', status: 412, code: 'conflict.version' });
    expect(error.displayMessage('en')).toBe(errorMessage('conflict.version', 'en'));
    expect(error.displayMessage('zh-CN')).toBe(errorMessage('conflict.version', 'zh-CN'));
    expect(error.displayMessage('en')).not.toBe(error.displayMessage('zh-CN'));
  });

  it('without a detail or a known code, shows the title', () => {
    const error = apiErrorFromResponse(418, "I'm a teapot", undefined);
    expect(error.displayMessage('zh-CN')).toBe("I'm a teapot");
  });

  it('a code named like an Object property is not taken for a known code', () => {
    const error = new ApiError({ type: 'about:blank', title: 'Odd', status: 400, code: 'constructor' });
    expect(error.displayMessage('en')).toBe('Odd');
  });
});

describe('isApiError', () => {
  it('tells API errors from other failures', () => {
    expect(isApiError(apiErrorFromResponse(500, '', undefined))).toBe(true);
    expect(isApiError(new Error('boom'))).toBe(false);
    expect(isApiError({ status: 500, code: 'internal.error' })).toBe(false);
  });
});

describe('problemMessage', () => {
  const refusal = new ApiError({
    type: 'about:blank',
    title: 'Unsupported Media Type',
    status: 415,
    code: 'attachment.type_unsupported',
    detail: '不支持该文件类型。',
    errors: [{ field: 'file', code: 'attachment.type_unsupported', message: '不支持该文件类型。' }],
  });

  it('says a refusal once, without the field key, when the field error repeats the detail', () => {
    expect(problemMessage(refusal, 'zh-CN')).toBe('不支持该文件类型。');
    expect(problemMessage(refusal, 'zh-CN', () => '文件')).toBe('不支持该文件类型。');
  });

  it('adds field errors that say more, under their label, never under their key', () => {
    const error = apiErrorFromResponse(422, 'Unprocessable Entity', problem);
    expect(problemMessage(error, 'zh-CN')).toBe('部分字段填写有误。邮箱格式不正确');
    expect(problemMessage(error, 'zh-CN', (field) => (field === 'contacts.0.email' ? '邮箱' : undefined))).toBe(
      '部分字段填写有误。邮箱：邮箱格式不正确',
    );
    const en = new ApiError({
      ...problem,
      detail: 'Some fields are invalid.',
      errors: [{ field: 'file', code: 'x', message: 'Too large' }],
    });
    expect(problemMessage(en, 'en', () => 'File')).toBe('Some fields are invalid. File: Too large');
    expect(problemMessage(en, 'en')).not.toContain('file:');
  });

  it('shows only the errors it is given (those a form could not place)', () => {
    const error = apiErrorFromResponse(422, 'Unprocessable Entity', problem);
    expect(problemMessage(error, 'zh-CN', undefined, [])).toBe('部分字段填写有误。');
  });
});
