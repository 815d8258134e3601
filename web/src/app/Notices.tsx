import { Alert, Button, Space } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { dismiss, useNotices } from './notices.ts';
import './notices.css';

/** The notices about the user's work, stacked at the bottom centre of the window. */
export function Notices() {
  const i18n = useI18n();
  const notices = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="work-notices" data-testid="notices" aria-live="polite">
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          data-testid={notice.testId ?? 'notice'}
          type={notice.level}
          showIcon
          title={notice.text(i18n)}
          description={notice.detail?.(i18n)}
          closable={{ onClose: () => dismiss(notice.id), 'aria-label': i18n.t('notice.close') }}
          action={
            notice.actions === undefined ? undefined : (
              <Space orientation="vertical">
                {notice.actions.map((action) => (
                  <Button
                    key={action.testId ?? action.label(i18n)}
                    size="small"
                    data-testid={action.testId}
                    onClick={() => {
                      dismiss(notice.id);
                      action.run();
                    }}
                  >
                    {action.label(i18n)}
                  </Button>
                ))}
              </Space>
            )
          }
        />
      ))}
    </div>
  );
}
