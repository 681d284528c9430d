export { ReceivedMail, SinkOptions, SmtpSink } from '../../bench/smtp-sink';
