import { Button } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TeamJoinPreview, TeamProbe } from '../../../../shared/domain/team';
import { CheckboxField } from '../../components/checkbox-field';
import { FormError } from '../../components/form-error';
import { JobProgress } from '../../components/job-progress';
import { TextField } from '../../components/text-field';
import { useNotices } from '../../app/notice-context';
import { errorText } from '../../i18n/error-text';
import { formatDate } from '../../i18n/format-date';
import { call, toIpcError } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';

function defaultDeviceName(t: TFunction): string {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  const platform = nav.userAgentData?.platform || navigator.platform || 'desktop';
  return t('team.join.deviceNameDefault', { platform });
}

/** 64 hex digits in groups of two, as servers and browsers print a fingerprint. */
const grouped = (hex: string) => hex.match(/.{2}/g)?.join(':').toUpperCase() ?? hex;

/**
 * Joining a team: the server's address, its certificate's fingerprint checked by the user against
 * the one the server printed (pinned from then on), the login, this computer's name; a preview of
 * what will be uploaded and merged; then the join itself with its progress (the first sync).
 */
export function JoinForm() {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const titleId = useId();
  const [server, setServer] = useState('');
  const [probe, setProbe] = useState<TeamProbe | null>(null);
  const [probing, setProbing] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(() => defaultDeviceName(t));
  const [preview, setPreview] = useState<TeamJoinPreview | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const previewJob = useJob('team.preview');
  const joinJob = useJob('team.join');
  const busy = probing || previewJob.job !== null || joinJob.job !== null;
  // One job at a time (the buttons wait for it): its progress, whichever it is.
  const running = previewJob.job
    ? { job: previewJob.job, label: t('team.join.previewing'), cancel: previewJob.cancel }
    : joinJob.job
      ? { job: joinJob.job, label: t('team.join.progress'), cancel: joinJob.cancel }
      : null;

  const check = async () => {
    setError(undefined);
    setProbe(null);
    setConfirmed(false);
    setPreview(null);
    setProbing(true);
    try {
      setProbe(await call('team.probe', { server: server.trim() }));
    } catch (err) {
      setError(errorText(t, toIpcError(err)));
    } finally {
      setProbing(false);
    }
  };

  const credentials = () =>
    probe ? { server: server.trim(), login: login.trim(), password, fingerprint: probe.fingerprint, deviceName: deviceName.trim() } : null;

  const showPreview = async () => {
    const input = credentials();
    if (!input || !confirmed) {
      setError(t('team.join.needsCheck'));
      return;
    }
    setError(undefined);
    try {
      setPreview(await previewJob.run(input));
    } catch (err) {
      const e = toIpcError(err);
      if (e.code !== 'CANCELLED') setError(errorText(t, e));
    }
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const input = credentials();
    if (!input || !confirmed) {
      setError(t('team.join.needsCheck'));
      return;
    }
    setError(undefined);
    try {
      const status = await joinJob.run(input);
      setPassword('');
      notices.announce(t('team.join.joined', { server: status.server ?? input.server, name: status.user?.name ?? input.login }));
    } catch (err) {
      const ipc = toIpcError(err);
      if (ipc.code !== 'CANCELLED') setError(errorText(t, ipc));
    }
  };

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('team.join.title')}
      </h2>
      <p className="muted settings-intro">{t('team.intro')}</p>
      <form className="form team-join-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="team-server-row">
          <TextField
            label={t('team.join.server')}
            hint={t('team.join.serverHint')}
            value={server}
            onValueChange={(v) => {
              setServer(v);
              setProbe(null);
              setConfirmed(false);
              setPreview(null);
            }}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
          />
          <Button onClick={() => void check()} disabled={busy || !server.trim()}>
            {probing ? t('team.join.checking') : t('team.join.check')}
          </Button>
        </div>
        {probe ? (
          <div className="team-fingerprint" role="group" aria-label={t('team.join.fingerprint')}>
            <p className="field-label">{t('team.join.fingerprint')}</p>
            <code className="team-fingerprint-value">{grouped(probe.fingerprint)}</code>
            <p className="muted">
              {t('team.join.certificate', { subject: probe.subject, date: formatDate(probe.validTo, i18n.language) })}
            </p>
            <p className="muted">{t('team.join.fingerprintHint')}</p>
            <CheckboxField label={t('team.join.confirm')} checked={confirmed} onCheckedChange={setConfirmed} />
          </div>
        ) : null}
        <TextField label={t('team.join.login')} value={login} onValueChange={setLogin} autoComplete="username" required />
        <TextField
          label={t('team.join.password')}
          type="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          label={t('team.join.deviceName')}
          hint={t('team.join.deviceNameHint')}
          value={deviceName}
          onValueChange={setDeviceName}
          maxLength={120}
          required
        />
        {preview ? (
          <p className="team-preview" role="status">
            {preview.customers === 0
              ? t('team.join.previewEmpty')
              : t('team.join.previewText', {
                  count: preview.customers,
                  customers: preview.customers,
                  rows: preview.rows,
                  matched: preview.matched,
                })}
          </p>
        ) : null}
        {running?.job ? (
          <JobProgress
            label={running.label}
            done={running.job.done}
            total={running.job.total}
            cancelling={running.job.cancelling}
            onCancel={() => void running.cancel()}
          />
        ) : null}
        <FormError message={error} />
        <div className="form-actions">
          <Button onClick={() => void showPreview()} disabled={busy || !probe || !confirmed}>
            {t('team.join.preview')}
          </Button>
          <Button type="primary" htmlType="submit" disabled={busy || !probe || !confirmed} aria-busy={joinJob.job !== null || undefined}>
            {joinJob.job ? t('team.join.joining') : t('team.join.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
