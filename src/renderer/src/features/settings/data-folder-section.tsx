import { Button } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_DIR_PROBLEMS, type DataDirProblem } from '../../../../shared/domain/workspace';
import { useNotices } from '../../app/notice-context';
import { CheckboxField } from '../../components/checkbox-field';
import { JobProgress } from '../../components/job-progress';
import { TextField } from '../../components/text-field';
import { errorText } from '../../i18n/error-text';
import { toIpcError, type IpcError } from '../../lib/ipc';
import { useJob } from '../../lib/use-job';
import { phaseKey, useOpenSample, useSampleActions, useWorkspaceStatus } from '../welcome';
import '../../styles/workspace.css';

function problemOf(error: IpcError): DataDirProblem | null {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' && (DATA_DIR_PROBLEMS as readonly string[]).includes(reason) ? (reason as DataDirProblem) : null;
}

/**
 * Settings → Data folder: where the database and its backups are, moving them to another folder
 * (checked first; the old copy is kept for the user to delete), and the sample database (open,
 * back to my data, remove).
 */
export function DataFolderSection() {
  const { t } = useTranslation();
  const titleId = useId();
  const sampleTitleId = useId();
  const notices = useNotices();
  const status = useWorkspaceStatus();
  const move = useJob('workspace.moveData');
  const openSample = useOpenSample();
  const sample = useSampleActions();
  const [dir, setDir] = useState('');
  const [useExisting, setUseExisting] = useState(false);
  const [fieldError, setFieldError] = useState('');
  const [note, setNote] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNote('');
    const target = dir.trim();
    if (!target) {
      setFieldError(t('workspace.dataFolder.required'));
      return;
    }
    setFieldError('');
    notices.clearError();
    try {
      const result = await move.run({ dir: target, useExisting });
      const text = result.usedExisting
        ? t('workspace.dataFolder.movedExisting', { dir: result.status.dataDir })
        : t('workspace.dataFolder.moved', { dir: result.status.dataDir, path: result.previousDbPath ?? '' });
      setNote(text);
      notices.announce(text);
      setDir('');
      setUseExisting(false);
    } catch (err) {
      const error = toIpcError(err);
      const problem = problemOf(error);
      if (error.code === 'CANCELLED') return;
      if (problem) setFieldError(t(`workspace.dataFolder.problems.${problem}`));
      else if (error.code === 'DATA_DIR_HAS_DATABASE') setFieldError(errorText(t, error));
      else notices.showError(error);
    }
  };

  const busy = move.job !== null || openSample.job !== null || sample.working !== null;
  const sampleState = !status ? '' : status.kind === 'sample' ? 'sampleOpen' : status.sampleExists ? 'sampleClosed' : 'sampleNone';

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('workspace.dataFolder.title')}
      </h2>
      <p className="muted settings-intro">{t('workspace.dataFolder.intro')}</p>
      {status ? (
        <dl className="backups-facts">
          <dt>{t('workspace.dataFolder.folder')}</dt>
          <dd className="backup-path">{status.dataDir}</dd>
          <dt>{t('workspace.dataFolder.file')}</dt>
          <dd className="backup-path">{status.mainDbPath}</dd>
        </dl>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <form className="data-folder-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('workspace.dataFolder.moveLabel')}
          hint={t('workspace.dataFolder.moveHint')}
          error={fieldError || undefined}
          value={dir}
          onValueChange={(v) => {
            setDir(v);
            if (fieldError) setFieldError('');
          }}
          spellCheck={false}
          autoComplete="off"
          disabled={busy}
        />
        <CheckboxField label={t('workspace.dataFolder.useExisting')} checked={useExisting} onCheckedChange={setUseExisting} />
        <div className="data-folder-actions">
          <Button htmlType="submit" disabled={busy}>
            {t('workspace.dataFolder.move')}
          </Button>
        </div>
        {status && !status.locationRemembered ? <p className="muted">{t('workspace.dataFolder.notRemembered')}</p> : null}
        {move.job ? (
          <JobProgress
            label={`${t('workspace.dataFolder.moving')}: ${t(`workspace.phases.${phaseKey(move.job.phase || 'checking')}`)}`}
            done={move.job.done}
            total={move.job.total}
            onCancel={() => void move.cancel().catch((err: unknown) => notices.showError(err))}
            cancelling={move.job.cancelling}
          />
        ) : null}
        {note ? <p className="settings-note">{note}</p> : null}
      </form>

      <h3 id={sampleTitleId} className="section-subtitle">
        {t('workspace.dataFolder.sampleTitle')}
      </h3>
      <div role="group" className="data-folder-form" aria-labelledby={sampleTitleId}>
        <p className="muted settings-intro">{t('workspace.dataFolder.sampleIntro')}</p>
        {status ? (
          <>
            <p className="data-folder-state">{t(`workspace.dataFolder.${sampleState || 'sampleNone'}`)}</p>
            {status.sampleExists ? (
              <dl className="backups-facts">
                <dt>{t('workspace.dataFolder.sampleFile')}</dt>
                <dd className="backup-path">{status.samplePath}</dd>
              </dl>
            ) : null}
            <div className="data-folder-actions">
              {status.kind === 'sample' ? (
                <Button type="primary" onClick={() => void sample.backToMain()} disabled={busy}>
                  {t('workspace.backToMine')}
                </Button>
              ) : (
                <Button onClick={() => void openSample.start()} disabled={busy}>
                  {t('workspace.dataFolder.openSample')}
                </Button>
              )}
              {status.sampleExists ? (
                <Button onClick={() => void sample.removeSample()} disabled={busy}>
                  {t('workspace.removeSample')}
                </Button>
              ) : null}
            </div>
            {openSample.job ? (
              <JobProgress
                label={openSample.label}
                done={openSample.job.done}
                total={openSample.job.total}
                onCancel={openSample.stop}
                cancelling={openSample.job.cancelling}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
