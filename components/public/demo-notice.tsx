// 「示例数据」: on every page of a demo start (NIANBAO_DEMO=1), above the content, so nobody mistakes the demo
// world's generated reports for a real body's. The root layout reads the flag at render time on the server
// (lib/server/platform/env.ts); absent in a non-demo start.
export function DemoNotice({ isDemo }: { isDemo: boolean }) {
  if (!isDemo) return null;
  return (
    <aside className="demo-notice" aria-label="示例数据">
      <div className="demo-notice__inner">
        <strong>示例数据</strong>
        本站为演示环境：所列报告除一份真实报告样本外均由程序生成，不代表任何机关的真实情况。
      </div>
    </aside>
  );
}
