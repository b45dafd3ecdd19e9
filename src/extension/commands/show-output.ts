import type { Logger } from '../logger';

export function showOutput(logger: Logger): void {
  logger.channel.show(true);
}
