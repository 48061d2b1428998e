import nodemailer from 'nodemailer';

export interface Mailer {
  /** False when no SMTP server is configured: messages are then held in the outbox. */
  readonly configured: boolean;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new Error('no SMTP server configured');
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
