// Chinese labels of the report events in the audit trail, shared by the report history and the global log.

/** Labels of the report events; the administrators' global log should show the same words. */
export const REPORT_AUDIT_LABELS: Record<string, string> = {
  "report.create": "新建年报",
  "report.import": "导入",
  "report.save": "保存",
  "report.explain": "说明警告",
  "report.submit": "提交审核",
  "report.withdraw": "撤回提交",
  "report.approve": "审批通过",
  "report.return": "退回修改",
  "report.publish": "发布",
  "report.schedule": "定时发布",
  "report.cancelSchedule": "取消定时发布",
  "report.scheduledPublish": "按计划发布",
  "report.forcePublish": "强制发布",
  "report.reviewAfter": "补充审核",
  "report.reopen": "开启更正",
  "report.withdrawPublication": "撤销发布",
  "report.remark": "提出意见",
  "report.remarkReply": "回复意见",
  "report.remarkResolve": "意见已解决",
};
