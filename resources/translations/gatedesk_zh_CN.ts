<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="96" />
        <source>GateDesk is already open on this computer for this data folder. Use the window that is open (look in the taskbar); two at once could overwrite each other's work.</source>
        <translation>门岗登记台已经打开（同一数据文件夹）。请使用已打开的窗口（看看任务栏）；同时开两个可能互相覆盖。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="106" />
        <source>GateDesk met an error it did not expect. Everything already saved is safe. A report without personal data was written to {0}; please give it to your administrator.</source>
        <translation>门岗登记台遇到了意外错误。已经保存的记录都是安全的。一份不含个人信息的报告已写入 {0}，请交给管理员。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="230" />
        <source>The database is damaged ({0}). GateDesk closes now so that nothing more is written to it; start it again to be offered the newest backup.</source>
        <translation>数据库已损坏（{0}）。门岗登记台现在关闭，以免再写入；请重新打开，届时会提供最新的备份用于恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="329" />
        <source>The database {0} is damaged ({1}). It has not been changed, and no backup of it was found. Call your administrator; do not delete the file.</source>
        <translation>数据库 {0} 已损坏（{1}）。文件未被改动，也没有找到它的备份。请联系管理员，不要删除这个文件。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="333" />
        <source>The database {0} is damaged ({1}). It has not been changed.

Restore the newest backup, {2}? Records saved after it was made will be missing; the damaged file is kept in {3} for your administrator.</source>
        <translation>数据库 {0} 已损坏（{1}）。文件未被改动。

要用最新的备份 {2} 恢复吗？备份之后保存的记录将会缺失；损坏的文件保留在 {3}，供管理员处理。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <location filename="../../models/trust/audit.py" line="29" />
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="30" />
        <source>Signed off</source>
        <translation>下班退出</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="31" />
        <source>Wrong PIN</source>
        <translation>PIN 错误</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="32" />
        <source>Station locked</source>
        <translation>工作台锁定</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="33" />
        <source>Station unlocked</source>
        <translation>工作台解锁</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="34" />
        <source>Registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="35" />
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="36" />
        <source>Decision overridden</source>
        <translation>改判</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="37" />
        <source>Personal data revealed</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="38" />
        <source>Record deleted</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="39" />
        <source>Bundle exported</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="40" />
        <source>Report exported</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="41" />
        <source>Bundle imported</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="42" />
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="43" />
        <source>Operator added</source>
        <translation>新增操作员</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="44" />
        <source>Office key loaded</source>
        <translation>载入社区密钥</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="45" />
        <source>Expired personal data erased</source>
        <translation>清除到期个人信息</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="46" />
        <source>Erasing expired personal data failed</source>
        <translation>删除过期个人信息失败</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="47" />
        <source>End of campaign: all personal data erased</source>
        <translation>防控结束：清除全部个人信息</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="48" />
        <source>Backup restored</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="49" />
        <source>Station enrolled</source>
        <translation>门岗备案</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="50" />
        <source>A gate's new key accepted</source>
        <translation>接受门岗的新密钥</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="51" />
        <source>Conflict decided</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="52" />
        <source>Poster content changed</source>
        <translation>修改海报内容</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="53" />
        <source>Resident list imported</source>
        <translation>导入住户名单</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="54" />
        <source>Home monitoring list imported</source>
        <translation>导入居家管控名单</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="55" />
        <source>Roster file for other gates</source>
        <translation>其他门岗用的名单文件</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="56" />
        <source>Resident changed</source>
        <translation>住户信息变更</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="57" />
        <source>Pass issued</source>
        <translation>发放通行证</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="58" />
        <source>Pass reissued</source>
        <translation>补发通行证</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="59" />
        <source>Pass revoked</source>
        <translation>作废通行证</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="60" />
        <source>Passes printed</source>
        <translation>打印通行证</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="61" />
        <source>Home monitoring changed</source>
        <translation>居家管控变更</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="62" />
        <source>Unit renamed</source>
        <translation>单位已改名</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="63" />
        <source>Units merged</source>
        <translation>单位已合并</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="64" />
        <source>Grid added</source>
        <translation>已新增网格</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="65" />
        <source>Compound moved to another unit</source>
        <translation>小区已移到其他单位</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="66" />
        <source>Account limited to a unit</source>
        <translation>账号已限定到一个单位</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="67" />
        <source>Station set up</source>
        <translation>本站设置完成</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="68" />
        <source>Visitor signed out</source>
        <translation>访客签离</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="69" />
        <source>Automatic sign-out</source>
        <translation>自动签离</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="70" />
        <source>Isolation case opened</source>
        <translation>新建隔离个案</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="71" />
        <source>Isolation re-check</source>
        <translation>隔离复测</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="72" />
        <source>Isolation case reported</source>
        <translation>隔离个案已上报</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="73" />
        <source>Isolation case handed over</source>
        <translation>隔离个案已移交</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="74" />
        <source>Isolation case closed</source>
        <translation>隔离个案结案</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="75" />
        <source>Parcel taken in</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="76" />
        <source>Parcel handed out</source>
        <translation>发件（领取或送上门）</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="77" />
        <source>Disinfection recorded</source>
        <translation>记录消毒</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="78" />
        <source>Daily check recorded</source>
        <translation>记录每日检查</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="79" />
        <source>Resident's pass scanned</source>
        <translation>扫描居民通行证</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="80" />
        <source>Resident's passage</source>
        <translation>居民通行</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="81" />
        <source>Testing round: batch called</source>
        <translation>核酸轮次：呼叫一批</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="82" />
        <source>Testing round: sampled</source>
        <translation>核酸轮次：已采样</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="83" />
        <source>Testing round: reason noted</source>
        <translation>核酸轮次：记录原因</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="84" />
        <source>Home-service register changed</source>
        <translation>上门服务名册变更</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="85" />
        <source>Forwarded to the office above</source>
        <translation>已上报上级办公室</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="86" />
        <source>Testing round opened</source>
        <translation>开启核酸轮次</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="87" />
        <source>Testing round closed</source>
        <translation>结束核酸轮次</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="88" />
        <source>Closed testing round corrected</source>
        <translation>更正已结束的核酸轮次</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="89" />
        <source>Home service planned</source>
        <translation>上门服务已安排</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="90" />
        <source>Home service done</source>
        <translation>上门服务已完成</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="91" />
        <source>Supervision standard loaded</source>
        <translation>载入督导检查标准</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="92" />
        <source>Supervision visit opened</source>
        <translation>开始督导检查</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="93" />
        <source>Supervision item answered</source>
        <translation>填写督导检查项</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="94" />
        <source>Supervision visit signed off</source>
        <translation>督导检查签字确认</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="95" />
        <source>Finding reviewed</source>
        <translation>复查问题整改</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="96" />
        <source>Supervision notice written</source>
        <translation>生成督导检查通报</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="97" />
        <source>Supervision photo attached</source>
        <translation>添加督导检查照片</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="98" />
        <source>A compound's supervision photos looked at</source>
        <translation>查看小区督导照片</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="99" />
        <source>Compound census changed</source>
        <translation>修改小区分类摸底</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="100" />
        <source>Compounds' list for the teams</source>
        <translation>督导小区清单</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="101" />
        <source>Rota: person added or changed</source>
        <translation>排班：人员新增或变更</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="102" />
        <source>Rota: posts or shifts planned</source>
        <translation>排班：岗位或班次安排</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="103" />
        <source>Rota: person put on or taken off a shift</source>
        <translation>排班：人员上班次或撤下</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="104" />
        <source>Checked in or out at the post</source>
        <translation>到岗签到或签退</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="105" />
        <source>Check-in reviewed</source>
        <translation>签到已复核</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="106" />
        <source>Forgotten check-ins closed</source>
        <translation>未签退的签到已自动关闭</translation>
    </message>
    <message>
        <location filename="../../models/trust/audit.py" line="107" />
        <source>Hours sheet written</source>
        <translation>时长表已导出</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="17" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="44" />
        <source>The log is intact: {0} entries, each chained to the one before.</source>
        <translation>日志完整：共 {0} 条，每条都与上一条链接校验。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="59" />
        <source>The log was altered: entry {0} is not as it was written. Entries before it are intact; tell the office.</source>
        <translation>日志被改动过：第 {0} 条与写入时不符，之前的条目完好。请告知社区。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="20" />
        <source>Checking the chain of entries…</source>
        <translation>正在校验日志链…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="27" />
        <source>Checking the chain of entries… {0}</source>
        <translation>正在校验日志链… 已校验 {0} 条</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="46" />
        <source>The log was cut short: it ends before entry {0}, which it had already reached. Entries were deleted from its end; tell the office.</source>
        <translation>日志被截短：它止于第 {0} 条之前，而此前已记到第 {0} 条。末尾的条目被删除了；请告知办公室。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="49" />
        <source>The log's anchor beside the database is missing: entries deleted from the end of the log could not be found. Its {0} entries are chained intact; tell the office.</source>
        <translation>数据库旁的日志锚点文件不见了：无法发现从日志末尾删去的条目。现有 {0} 条记录的链条完好；请告知办公室。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="53" />
        <source>The log's anchor went missing and was begun again after entry {0}: entries deleted from the end before then could not be found. Tell the office.</source>
        <translation>日志锚点曾经丢失，在第 {0} 条之后重新开始：此前从日志末尾删去的条目无法发现。请告知办公室。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="56" />
        <source>The log was rewritten: entry {0} is not the entry it was. Tell the office.</source>
        <translation>日志被改写：第 {0} 条已不是原来的条目。请告知办公室。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../gui/audit_table_model.py" line="19" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="19" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="19" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="19" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="19" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="55" />
        <source>GateDesk</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="63" />
        <source>untouched too long</source>
        <translation>长时间无操作</translation>
    </message>
    <message>
        <location filename="../../gui/audit_table_model.py" line="63" />
        <source>shift change</source>
        <translation>换班</translation>
    </message>
</context>
<context>
    <name>Authority</name>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="181" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="182" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_dialog.py" line="76" />
        <source>The audit log is for administrators: an administrator's PIN is needed.</source>
        <translation>审计日志仅供管理员查看，需要管理员 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="81" />
        <source>Only an administrator ends the campaign: an administrator's PIN is needed.</source>
        <translation>只有管理员可以结束防控，需要管理员 PIN。</translation>
    </message>
    <message>
        <location filename="../../models/app/actions.py" line="56" />
        <source>The station is locked: sign in to go on.</source>
        <translation>本机已锁定：请登录后继续。</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <location filename="../../gui/background.py" line="50" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/background.py" line="90" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="17" />
        <source>End of the campaign</source>
        <translation>结束防控</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="22" />
        <source>This erases all personal data on this computer: names, phones, ID numbers and health details of every registration, isolation case and parcel, the residents' roster and passes, and the daily backups. Only counts remain for reports. It cannot be undone.

Records holding personal data now: {0}. Export a last bundle for the office first if it has not had today's.</source>
        <translation>这将清除本机上的全部个人信息：所有登记、隔离和寄存记录中的姓名、手机号、身份证号和健康信息，居民名册和通行证，以及每日备份。只保留用于报表的统计数。此操作无法撤销。

目前含个人信息的记录：{0} 条。如果社区还没有收到今天的数据，请先导出最后一个数据包。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="31" />
        <source>To confirm, type the name of this station: {0}</source>
        <translation>确认请输入本站名称：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="37" />
        <source>Erase all personal data</source>
        <translation>清除全部个人信息</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="55" />
        <source>Erasing personal data…</source>
        <translation>正在清除个人信息…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="63" />
        <source>Done. Personal data was erased from {0} records, and {1} backups were deleted. Copies made by hand or exported to USB sticks must be destroyed separately.</source>
        <translation>已清除 {0} 条记录中的个人信息，删除了 {1} 个备份。手动复制的文件和导出到 U 盘的文件需另行销毁。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/campaign_dialog.py" line="71" />
        <source>Nothing was erased: {0}</source>
        <translation>未清除任何内容：{0}</translation>
    </message>
</context>
<context>
    <name>Care</name>
    <message>
        <location filename="../../models/care/daily_list.py" line="14" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="14" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="15" />
        <source>Why</source>
        <translation>帮扶原因</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="15" />
        <source>Service due</source>
        <translation>应服务内容</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="16" />
        <source>Last done</source>
        <translation>上次服务</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="16" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="17" />
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="18" />
        <source>{compound} · home services due on {day}</source>
        <translation>{compound} · {day} 上门服务名单</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="19" />
        <source>Visit (every {n} days)</source>
        <translation>走访（每 {n} 天）</translation>
    </message>
    <message>
        <location filename="../../models/care/daily_list.py" line="20" />
        <source>page {page} of {pages} · {count} to see · names masked</source>
        <translation>第 {page}/{pages} 页 · 共 {count} 户 · 姓名已脱敏</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="43" />
        <source>This resident is not on the register.</source>
        <translation>此住户不在帮扶名册中。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="45" />
        <source>Help for this resident has ended.</source>
        <translation>此住户的帮扶已结束。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="55" />
        <source>Write the room as building-unit-room, e.g. 3-2-501.</source>
        <translation>房号请写成 楼-单元-室，如 3-2-501。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="61" />
        <source>Choose why they need help.</source>
        <translation>请选择需要帮扶的原因。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="63" />
        <source>A visit every 0 to {max} days.</source>
        <translation>走访间隔为 0 至 {max} 天。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="69" />
        <source>{room} {name} is already on the register.</source>
        <translation>{room} {name} 已在帮扶名册中。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="140" />
        <source>Choose the service.</source>
        <translation>请选择服务内容。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="151" />
        <source>Plan for today or a later day.</source>
        <translation>只能计划今天或以后的日期。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="176" />
        <source>That item is no longer waiting at the drop-off station.</source>
        <translation>该物品已不在寄存点待取。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="181" />
        <source>This service is not planned for this resident.</source>
        <translation>该服务不是为此住户计划的。</translation>
    </message>
    <message>
        <location filename="../../models/care/ledger.py" line="183" />
        <source>This service is already recorded as done.</source>
        <translation>该服务已记录为完成。</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="33" />
        <source>Elderly, living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="34" />
        <source>Disabled</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="35" />
        <source>Ill</source>
        <translation>患病</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="36" />
        <source>Home isolation</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="37" />
        <source>Home health monitoring</source>
        <translation>居家健康监测</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="38" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="43" />
        <source>Sampling at home</source>
        <translation>上门采样</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="44" />
        <source>Daily necessities</source>
        <translation>生活物资</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="45" />
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../models/care/tables.py" line="46" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="93" />
        <source>Home-service ledger</source>
        <translation>上门服务台账</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="115" />
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="118" />
        <source>What (rice, oil, medicine…)</source>
        <translation>内容（米、油、药品…）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="121" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="134" />
        <source>Plan for that day</source>
        <translation>计划到该日</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="137" />
        <source>Print today's list…</source>
        <translation>打印今日名单…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="145" />
        <source>Due today</source>
        <translation>今日应服务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="156" />
        <source>Room, e.g. 6-1-602</source>
        <translation>房号，如 6-1-602</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="159" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="168" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="169" />
        <source>no visits</source>
        <translation>不定期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="172" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="173" />
        <source>Add to the register</source>
        <translation>加入帮扶名册</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="181" />
        <source>Add everyone under home monitoring</source>
        <translation>加入全部居家监测人员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="184" />
        <source>Help has ended</source>
        <translation>结束帮扶</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="191" />
        <source>The register</source>
        <translation>帮扶名册</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="196" />
        <source>Done this week</source>
        <translation>本周服务记录</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="217" />
        <source>No drop-off item</source>
        <translation>不带寄存物品</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="223" />
        <source>Take up item {0} ({1})</source>
        <translation>带上寄存物品 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="234" />
        <location filename="../../gui/dialogs/care_dialog.py" line="247" />
        <source>Choose someone in today's list first.</source>
        <translation>请先在今日名单中选择一户。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="239" />
        <source>Recorded: {0} {1}</source>
        <translation>已记录：{0} {1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="251" />
        <source>Planned for {0}: {1} {2}</source>
        <translation>已计划 {0}：{1} {2}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="257" />
        <source>Home services due today</source>
        <translation>今日上门服务名单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="262" />
        <source>A supervisor keeps the register.</source>
        <translation>帮扶名册由主管维护。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="269" />
        <source>Added to the register: {0}</source>
        <translation>已加入帮扶名册：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="278" />
        <source>{0} residents under home monitoring added.</source>
        <translation>已加入 {0} 名居家监测人员。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="283" />
        <source>Choose someone on the register first.</source>
        <translation>请先在帮扶名册中选择一人。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="288" />
        <source>Help has ended: {0} {1}</source>
        <translation>已结束帮扶：{0} {1}</translation>
    </message>
</context>
<context>
    <name>CarriedModel</name>
    <message>
        <location filename="../../gui/visits_panel.py" line="115" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="115" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="115" />
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="115" />
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="116" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="126" />
        <source>Put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="126" />
        <source>Still open</source>
        <translation>未整改</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../gui/dialogs/case_dialog.py" line="17" />
        <source>New isolation case</source>
        <translation>新建留观个案</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/case_dialog.py" line="22" />
        <location filename="../../gui/dialogs/case_dialog.py" line="43" />
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/case_dialog.py" line="22" />
        <location filename="../../gui/dialogs/case_dialog.py" line="43" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/case_dialog.py" line="22" />
        <location filename="../../gui/dialogs/case_dialog.py" line="43" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/case_dialog.py" line="23" />
        <location filename="../../gui/dialogs/case_dialog.py" line="44" />
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/case_dialog.py" line="23" />
        <location filename="../../gui/dialogs/case_dialog.py" line="44" />
        <source>Temperature °C</source>
        <translation>体温 °C</translation>
    </message>
</context>
<context>
    <name>CensusDialog</name>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="33" />
        <source>not counted</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="110" />
        <source>Census of the compounds</source>
        <translation>小区分类台账</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="122" />
        <source>Edit… [Enter]</source>
        <translation>修改… [Enter]</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="123" />
        <source>Scanned pledge…</source>
        <translation>承诺书扫描件…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="124" />
        <source>Load the community's sheet…</source>
        <translation>导入社区的分类表…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="131" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="144" />
        <source>{0} compounds: {1} with a property company, {2} without, {3} run by their owners' committee, {4} not counted yet.</source>
        <translation>共 {0} 个小区：有物业 {1} 个，无物业 {2} 个，业委会自管 {3} 个，尚未登记 {4} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="161" />
        <source>Choose a compound first.</source>
        <translation>请先选择一个小区。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="168" />
        <source>A supervisor's PIN is needed to change the census.</source>
        <translation>修改分类台账需要主管的 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="176" />
        <source>Saved: {0}.</source>
        <translation>已保存：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="187" />
        <source>The signed pledge, scanned or photographed</source>
        <translation>已签的承诺书（扫描件或照片）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="188" />
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="193" />
        <source>The pledge of {0} is kept.</source>
        <translation>{0} 的承诺书已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="197" />
        <source>The community's census sheet</source>
        <translation>社区的小区分类表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="205" />
        <source>{0}: {1} compounds counted. A compound not known yet is added in its community.</source>
        <translation>{0}：共登记 {1} 个小区。尚未登记的小区将加入其所在社区。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="210" />
        <source>{0} lines saved, {1} unchanged, {2} compounds added.</source>
        <translation>保存 {0} 行，未变 {1} 行，新增小区 {2} 个。</translation>
    </message>
</context>
<context>
    <name>CensusLineDialog</name>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="60" />
        <source>Census: {0}</source>
        <translation>小区分类：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="71" />
        <source>The pledge is signed</source>
        <translation>已签订责任承诺书</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="79" />
        <source>who signed for the company</source>
        <translation>代表物业签字的人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="82" />
        <source>How it is run</source>
        <translation>管理类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="82" />
        <source>Property company</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="83" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="83" />
        <source>Signed by</source>
        <translation>签订人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="84" />
        <source>Plan for its kind</source>
        <translation>分类防控方案</translation>
    </message>
</context>
<context>
    <name>CensusModel</name>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="39" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="39" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="39" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="39" />
        <source>Property company</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="40" />
        <source>Pledge signed</source>
        <translation>承诺书签订</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="40" />
        <source>Signed by</source>
        <translation>签订人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="40" />
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="40" />
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/census_dialog.py" line="48" />
        <source>yes</source>
        <translation>有</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../main.py" line="227" />
        <location filename="../../main.py" line="908" />
        <source>No GateDesk database in {dir}.</source>
        <translation>{dir} 中没有门岗登记台数据库。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="246" />
        <source>PIN of {name}: </source>
        <translation>{name} 的 PIN：</translation>
    </message>
    <message>
        <location filename="../../main.py" line="248" />
        <source>This command reveals personal data or makes passes: give --operator NAME (an administrator) and the PIN in GATEDESK_PIN, or type it when asked.</source>
        <translation>此命令会显示个人信息或制作通行证：请用 --operator 姓名 指明操作人（管理员），并在 GATEDESK_PIN 中给出 PIN，或在提示时输入。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="254" />
        <source>No operator called {name}.</source>
        <translation>没有名为 {name} 的操作人员。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="283" />
        <location filename="../../main.py" line="324" />
        <source>{dir} already holds a set-up station; choose an empty folder for the demo.</source>
        <translation>{dir} 中已有设置好的站点，演示数据已存在；请为演示选择一个空文件夹。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="288" />
        <source>Demo station created in {dir}: {compound}, {gate}, {n} registrations.</source>
        <translation>已在 {dir} 创建演示站点：{compound}，{gate}，{n} 条登记。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="291" />
        <location filename="../../main.py" line="333" />
        <source>Operators and their PINs:</source>
        <translation>值班人员及其 PIN：</translation>
    </message>
    <message>
        <location filename="../../main.py" line="313" />
        <source>{path}: {why}</source>
        <translation>{path}：{why}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="318" />
        <source>{path} lists no compound to visit.</source>
        <translation>{path} 中没有可检查的小区。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="329" />
        <source>Demo supervision team created in {dir}: {team}, {n} visits, {findings} findings ({open} open).</source>
        <translation>演示督导组已建在 {dir}：{team}，检查 {n} 次，问题 {findings} 个（未整改 {open} 个）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="382" />
        <source>Give both --from and --to, the first day not after the last.</source>
        <translation>请同时给出 --from 和 --to，且开始日期不晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="397" />
        <source>{dir} is not a set-up gate station; nothing to export.</source>
        <translation>{dir} 不是已设置好的门岗站点，没有可导出的数据。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="404" />
        <source>Bundle {seq}: {n} records{encrypted}.</source>
        <translation>数据包 {seq}：{n} 条记录{encrypted}。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="405" />
        <source>, encrypted for the office</source>
        <translation>，已按社区办公室密钥加密</translation>
    </message>
    <message>
        <location filename="../../main.py" line="424" />
        <source>Not a key fingerprint: {text} (16 letters and digits, as 'da48-52c4-7e96-12c6').</source>
        <translation>不是密钥指纹：{text}（应为 16 位字母和数字，如“da48-52c4-7e96-12c6”）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="430" />
        <location filename="../../main.py" line="934" />
        <source>No such file or folder: {path}</source>
        <translation>找不到文件或文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="432" />
        <source>No bundles (*.gdbundle) found in {path}.</source>
        <translation>在 {path} 中没有找到数据包（*.gdbundle）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="440" />
        <source>{dir} is a gate station's database; import bundles into an office data folder.</source>
        <translation>{dir} 是门岗站点的数据库；请把数据包导入社区办公室的数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="444" />
        <source>Created an office database in {dir}.</source>
        <translation>已在 {dir} 创建社区办公室数据库。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="451" />
        <source>No new station's bundle here is signed with key {key}; nothing was enrolled with it.</source>
        <translation>这里没有新门岗的数据包使用密钥 {key} 签名；未用它备案任何门岗。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="468" />
        <source>HELD  {file}: the office {compound} is not enrolled; key fingerprint {key}. Check it with that office (its forward dialog shows it), then import again with --enroll {key}.</source>
        <translation>待备案  {file}：办公室 {compound} 尚未备案；密钥指纹 {key}。请与该办公室核对（其转报窗口会显示），然后加 --enroll {key} 重新导入。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="473" />
        <source>HELD  {file}: {compound} {gate} is not enrolled; key fingerprint {key}. Compare it with the gate's set-up sheet, then import again with --enroll {key}.</source>
        <translation>待备案  {file}：{compound} {gate} 尚未备案；密钥指纹 {key}。请与该门岗的设置单核对，然后加上 --enroll {key} 重新导入。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="478" />
        <source>SKIPPED  {file}: {reason}</source>
        <translation>已跳过  {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="481" />
        <source>NOT IMPORTED  {file}: {reason}</source>
        <translation>未导入  {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="485" />
        <source>REJECTED  {file}: {reason} ({code}){record}</source>
        <translation>拒收  {file}：{reason}（{code}）{record}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="487" />
        <source>WOULD IMPORT</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../main.py" line="487" />
        <source>IMPORTED</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../main.py" line="488" />
        <source>{head}  {file}: {compound} {gate} #{seq}: {created} new, {updated} updated, {unchanged} unchanged, {conflicts} in conflict</source>
        <translation>{head}  {file}：{compound} {gate} 第 {seq} 号：新增 {created}，更新 {updated}，未变 {unchanged}，冲突 {conflicts}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="495" />
        <source>warning: this gate's audit log was cut short or rewritten since an earlier bundle ({alarm})</source>
        <translation>警告：与之前的数据包相比，该门岗的操作日志被截短或改写（{alarm}）</translation>
    </message>
    <message>
        <location filename="../../main.py" line="500" />
        <source>relayed: {gate} #{seq}, a gate new here, enrolled with key {key} (compare it with the gate's set-up sheet)</source>
        <translation>转报：{gate} #{seq}，本办公室新见的门岗，已按密钥 {key} 登记（请与门岗的设置单核对）</translation>
    </message>
    <message>
        <location filename="../../main.py" line="504" />
        <source>conflict: {type} {id}</source>
        <translation>冲突：{type} {id}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="516" />
        <source>The report file must end in .xlsx or .pdf: {path}</source>
        <translation>报表文件名须以 .xlsx 或 .pdf 结尾：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="537" />
        <source>The notice file must end in .pdf or .xlsx: {path}</source>
        <translation>通报文件名须以 .pdf 或 .xlsx 结尾：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="540" />
        <source>--to ({to}) is before --from ({since}).</source>
        <translation>--to（{to}）早于 --from（{since}）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="561" />
        <source>The sheet must end in .xlsx or .csv: {path}</source>
        <translation>报表文件须以 .xlsx 或 .csv 结尾：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="583" />
        <source>The list must end in .xlsx or .csv: {path}</source>
        <translation>清单文件名须以 .xlsx 或 .csv 结尾：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="592" />
        <source>{n} compounds.</source>
        <translation>共 {n} 个小区。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="609" />
        <location filename="../../main.py" line="645" />
        <source>{dir} is a gate station's database, not an office's.</source>
        <translation>{dir} 是门岗站点的数据库，不是社区办公室的。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="619" />
        <source>Key fingerprint: {key}</source>
        <translation>密钥指纹：{key}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="655" />
        <source>Created the office database at {where} (schema {version}).</source>
        <translation>已在 {where} 建立办公室数据库（结构版本 {version}）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="657" />
        <source>Upgraded the office database at {where} from schema {before} to {version}.</source>
        <translation>已将 {where} 的办公室数据库从结构版本 {before} 升级到 {version}。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="659" />
        <source>The office database at {where} is ready (schema {version}); nothing to do.</source>
        <translation>{where} 的办公室数据库已就绪（结构版本 {version}），无需改动。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="677" />
        <source>{dir} is a gate station's database, not an office's: a gate writes its bundle with export.</source>
        <translation>{dir} 是门岗站点的数据库，不是办公室的：门岗用 export 导出数据包。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="680" />
        <source>This office names no district, sub-district or community to speak for. Name it first, e.g. office-init --district 鼓楼区 --subdistrict 温泉街道 --community 温泉社区.</source>
        <translation>本办公室尚未指明所代表的区、街道或社区。请先指明，例如 office-init --district 鼓楼区 --subdistrict 温泉街道 --community 温泉社区。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="688" />
        <source>Office bundle {seq}: {n} records{encrypted}.</source>
        <translation>办公室数据包 {seq}：{n} 条记录{encrypted}。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="689" />
        <source>, encrypted for {office}</source>
        <translation>，已为 {office} 加密</translation>
    </message>
    <message>
        <location filename="../../main.py" line="693" />
        <source>{n} more gates' bundles wait for the next office bundle: run forward again.</source>
        <translation>还有 {n} 个门岗数据包等待下一个办公室数据包：请再次运行 forward。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="706" />
        <source>{command} is for the embedded database file, but this office's database is on the server {server}: back it up with the server's own pg_dump, as the README says.</source>
        <translation>{command} 只用于本机的数据库文件，而本办公室的数据库在服务器 {server} 上：请按 README 用服务器自带的 pg_dump 备份。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="722" />
        <source>{path} is not an office key file.</source>
        <translation>{path} 不是社区办公室密钥文件。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="730" />
        <source>{path} is not an office key file, or it is this office's own key.</source>
        <translation>{path} 不是办公室密钥文件，或是本办公室自己的密钥。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="734" />
        <source>This office's forwarded bundles will be encrypted for {office} (key {key}).</source>
        <translation>本办公室上报的数据包将为 {office} 加密（密钥 {key}）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="735" />
        <source>Bundles will be encrypted for {office} (key {key}).</source>
        <translation>今后的数据包将按 {office} 的密钥加密（密钥 {key}）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="743" />
        <source>Cannot write {path}: {error}. Nothing else was changed.</source>
        <translation>无法写入 {path}：{error}。其他内容均未改动。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="752" />
        <source>The file must end in {suffixes}: {path}</source>
        <translation>文件名须以 {suffixes} 结尾：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="755" />
        <location filename="../../main.py" line="911" />
        <source>Cannot write {path}: the folder {dir} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {dir} 不存在。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="782" />
        <location filename="../../main.py" line="809" />
        <source>No gate called {gate}. Gates here: {names}</source>
        <translation>没有名为 {gate} 的门岗。这里的门岗有：{names}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="793" />
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="836" />
        <source>No valid passes{building}. Import the residents and issue passes first.</source>
        <translation>没有有效的通行证{building}。请先导入住户并签发通行证。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="845" />
        <source>{n} passes on {pages} pages.</source>
        <translation>共 {n} 张通行证，{pages} 页。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="874" />
        <source>Retention: already done today.</source>
        <translation>个人信息清理：今天已完成。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="876" />
        <source>Retention: personal data erased from {n} records older than {days} days.</source>
        <translation>个人信息清理：已清除 {n} 条超过 {days} 天记录中的个人信息。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="879" />
        <source>Retention: nothing is older than {days} days.</source>
        <translation>个人信息清理：没有超过 {days} 天的记录。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="881" />
        <source>Check-ins left open past their shift: {n} closed, to be reviewed.</source>
        <translation>班次结束后仍未签退的签到：已关闭 {n} 条，待复核。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="884" />
        <source>Today's backup: {path}</source>
        <translation>今日备份：{path}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="886" />
        <source>Today's backup: already made (or the server keeps it).</source>
        <translation>今日备份：已完成（或由数据库服务器备份）。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="888" />
        <source>Erasing personal data past its retention period failed; a crash report is in the data folder's logs. It is tried again next time.</source>
        <translation>清除超过保留期限的个人信息失败；错误报告在数据文件夹的 logs 中。下次会再试。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="891" />
        <source>Today's backup could not be written: {why}</source>
        <translation>今日备份无法写入：{why}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="940" />
        <source>GateDesk is open on {dir}. Close it, then restore.</source>
        <translation>门岗登记台正在使用 {dir}。请先关闭，再恢复。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="946" />
        <source>Warning: {dir} now holds the database of {station}.</source>
        <translation>注意：{dir} 现在存放的是 {station} 的数据库。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="948" />
        <source>Restored from {file}. The database it replaced was kept as {kept}.</source>
        <translation>已从 {file} 恢复。被替换的数据库已保留为 {kept}。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="964" />
        <source>The audit log is intact: {n} entries.</source>
        <translation>审计日志完整：共 {n} 条。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="967" />
        <source>The audit log was cut short: it ends before entry {seq}, which it had reached when it was last anchored. Entries before it are intact.</source>
        <translation>操作日志被截短：它止于第 {seq} 条之前，而上次锚定时已记到第 {seq} 条。此前的条目完好。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="971" />
        <source>The audit log was rewritten: entry {seq} is not the entry it was when the log was last anchored.</source>
        <translation>操作日志被改写：第 {seq} 条已不是上次锚定时的条目。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="974" />
        <source>The audit log's anchor is missing ({file}): entries cut off the end of the log could not be found. The {n} entries are chained intact.</source>
        <translation>审计日志的锚点文件不见了（{file}）：无法发现从日志末尾删去的条目。现有 {n} 条记录的链条完好。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="978" />
        <source>The audit log's anchor went missing and was begun again after entry {seq}: entries cut off the end before then could not be found. The {n} entries are chained intact.</source>
        <translation>审计日志的锚点曾经丢失，在第 {seq} 条之后重新开始：此前从日志末尾删去的条目无法发现。现有 {n} 条记录的链条完好。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="983" />
        <source>The audit log was altered: entry {seq} is missing. Entries before it are intact.</source>
        <translation>审计日志被改动：第 {seq} 条缺失。此前的记录完整。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="985" />
        <source>The audit log was altered: entry {seq} was changed. Entries before it are intact.</source>
        <translation>审计日志被改动：第 {seq} 条被修改。此前的记录完整。</translation>
    </message>
    <message>
        <location filename="../../main.py" line="1024" />
        <source>Cannot use {dir}: {error}</source>
        <translation>无法使用 {dir}：{error}</translation>
    </message>
    <message>
        <location filename="../../main.py" line="1029" />
        <source>A file or folder name here is not valid text (UTF-8): {dir}</source>
        <translation>这里有一个文件或文件夹名称不是有效文本（UTF-8）：{dir}</translation>
    </message>
</context>
<context>
    <name>ClosedCasesModel</name>
    <message>
        <location filename="../../gui/isolation_panel.py" line="85" />
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="85" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="85" />
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="85" />
        <source>Handed to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="86" />
        <source>Revision</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>CompoundPhotosDialog</name>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="63" />
        <source>the visit</source>
        <translation>本次检查</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="66" />
        <source>{0} · {1} visits · {2} photos</source>
        <translation>{0} · {1} 次检查 · {2} 张照片</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="67" />
        <source>{0}: no visit here kept a photo (or they have aged out).</source>
        <translation>{0}：这里的检查都没有留照片（或照片已过保存期）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="69" />
        <source>The newest visits only: {0} older visits with photos are not shown.</source>
        <translation>仅显示最近的检查：另有 {0} 次较早的检查照片未显示。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="70" />
        <source>Photos of the visits</source>
        <translation>检查照片</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="45" />
        <source>The same record arrived twice at the same revision with different contents. GateDesk kept the office's copy and changed nothing; choose which copy is right.</source>
        <translation>同一条记录以相同版本号到达了两次，但内容不同。门岗登记台保留了办公室现有的副本，未作任何更改；请选择哪一份是正确的。</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="58" />
        <source>Keep the office's copy</source>
        <translation>保留办公室的副本</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="59" />
        <source>Take the copy that arrived</source>
        <translation>采用新到的副本</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="71" />
        <source>No conflicts.</source>
        <translation>没有冲突。</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="86" />
        <source>{0}: office has “{1}”, arrived “{2}”</source>
        <translation>{0}：办公室为“{1}”，新到为“{2}”</translation>
    </message>
</context>
<context>
    <name>ConflictsTableModel</name>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="22" />
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="22" />
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="22" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="22" />
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/conflicts_panel.py" line="23" />
        <source>What differs</source>
        <translation>不同之处</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="27" />
        <source>Correct a closed case</source>
        <translation>更正已结案个案</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="29" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="29" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="29" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="30" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="30" />
        <source>Handed to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="30" />
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="32" />
        <source>A closed case is not edited in place: the old value, the new value and your reason are kept, and the case gets a new revision.</source>
        <translation>已结案个案不直接修改：原值、新值和理由都会保留，个案版本号加一。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="51" />
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="52" />
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="53" />
        <source>New outcome</source>
        <translation>新的处置结果</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/correction_dialog.py" line="54" />
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../gui/supervision_panel.py" line="42" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="42" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="42" />
        <source>Last visit</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="42" />
        <source>Days since</source>
        <translation>已隔天数</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="43" />
        <source>Visits in the period</source>
        <translation>时段内检查次数</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="52" />
        <source>never</source>
        <translation>从未检查</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="187" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="195" />
        <source>◀ Previous day</source>
        <translation>◀ 前一天</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="195" />
        <source>Next day ▶</source>
        <translation>后一天 ▶</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="210" />
        <source>Double-click a unit to go down to it, a compound to see the day's registrations (masked).</source>
        <translation>双击单位进入下一级，双击小区查看当天的登记（已打码）。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="254" />
        <source>Testing rounds this day: {0} sampled of {1} due, {2} exempt, {3} missing</source>
        <translation>当日核酸轮次：应检 {1} 人，已采 {0} 人，免检 {2} 人，未检 {3} 人</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="256" />
        <source>No round reported: {0}</source>
        <translation>未报送核酸轮次：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="271" />
        <source>Home services this day: {0} on the registers, {1} done ({2}), {3} still open</source>
        <translation>上门服务：在册 {0} 人，完成 {1} 次（{2}），未完成 {3} 项</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="281" />
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="247" />
        <source>Gates with registrations this day: {0} of {1}</source>
        <translation>当天有登记的门岗：{0} / {1}</translation>
    </message>
</context>
<context>
    <name>DashboardTableModel</name>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="29" />
        <source>Gates</source>
        <translation>门岗数</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="29" />
        <source>Unit or compound</source>
        <translation>单位或小区</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="48" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="50" />
        <source>Not placed in a unit</source>
        <translation>未归属单位</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../models/store/db.py" line="41" />
        <source>Not saved: the disk is full or the data folder cannot be written ({detail}). What you typed is kept; free some space or call the administrator, then save again.</source>
        <translation>未保存：磁盘已满或数据文件夹无法写入（{detail}）。已输入的内容都还在；请腾出空间或联系管理员，然后再保存。</translation>
    </message>
    <message>
        <location filename="../../models/store/db.py" line="275" />
        <source>There is no GateDesk database at {where} yet: create it with office-init.</source>
        <translation>{where} 还没有门岗登记台数据库：请先用 office-init 建立。</translation>
    </message>
    <message>
        <location filename="../../models/store/db.py" line="349" />
        <source>Upgrading the database from schema {found} to {known} failed, and nothing was changed ({error}). Please report this to whoever supports GateDesk.</source>
        <translation>数据库从结构版本 {found} 升级到 {known} 失败，未作任何改动（{error}）。请报告给负责门岗登记台的技术人员。</translation>
    </message>
    <message>
        <location filename="../../models/store/db.py" line="351" />
        <source>Upgrading the database from schema {found} to {known} failed, and nothing was changed ({error}); a copy from before is in {folder}. Please report this to whoever supports GateDesk.</source>
        <translation>数据库从结构版本 {found} 升级到 {known} 失败，未作任何改动（{error}）；升级前的副本在 {folder}。请报告给负责门岗登记台的技术人员。</translation>
    </message>
    <message>
        <location filename="../../models/store/backups.py" line="41" />
        <source>{path} is not a readable GateDesk database ({error}). It was left untouched.</source>
        <translation>{path} 不是可读取的门岗登记台数据库（{error}）。文件未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/store/backups.py" line="110" />
        <location filename="../../models/store/db.py" line="272" />
        <source>This file holds tables but is not a GateDesk database. It was left untouched.</source>
        <translation>此文件含有数据表，但不是门岗登记台数据库。文件未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/store/backups.py" line="113" />
        <location filename="../../models/store/db.py" line="284" />
        <source>This database was written by a newer GateDesk (schema {found}; this version understands up to {known}). Install the newer GateDesk; the file was left untouched.</source>
        <translation>此数据库由更新版本的门岗登记台写入（结构版本 {found}，本版本最高支持 {known}）。请安装新版本；文件未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/store/backups.py" line="95" />
        <source>{path} is damaged ({error}). It was left untouched.</source>
        <translation>{path} 已损坏（{error}）。文件未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../models/store/server.py" line="49" />
        <source>Not a database server address: {url}. Write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>不是数据库服务器地址：{url}。请写成 postgresql://用户@主机:端口/数据库。</translation>
    </message>
    <message>
        <location filename="../../models/store/server.py" line="105" />
        <source>The server {server} asks for the password of this user, or refused the one given.</source>
        <translation>服务器 {server} 需要该用户的密码，或拒绝了所给的密码。</translation>
    </message>
    <message>
        <location filename="../../models/store/server.py" line="111" />
        <source>Cannot open the office database on the server {server}: {detail}</source>
        <translation>无法打开服务器 {server} 上的办公室数据库：{detail}</translation>
    </message>
    <message>
        <location filename="../../models/store/server.py" line="134" />
        <source>The saved address of the office's database server ({file}) cannot be read. Enter the address again.</source>
        <translation>保存的办公室数据库服务器地址（{file}）无法读取。请重新输入地址。</translation>
    </message>
    <message>
        <location filename="../../models/app/server_office.py" line="45" />
        <source>The database {server} belongs to a gate station, not to an office.</source>
        <translation>数据库 {server} 属于门岗，不是办公室的数据库。</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <location filename="../../gui/dialogs/delete_dialog.py" line="22" />
        <source>Delete a registration</source>
        <translation>删除登记</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/delete_dialog.py" line="25" />
        <source>Delete the registration of {0} at {1}? Only for one made in error. The deletion, your name and the reason are kept, and the office deletes its copy too.</source>
        <translation>删除 {0} 在 {1} 的登记？仅用于登记错误的记录。删除这件事、您的姓名和原因会被保留，社区也会删除其副本。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/delete_dialog.py" line="35" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/delete_dialog.py" line="44" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../models/app/records_service.py" line="26" />
        <source>The name typed is not this station's name. Nothing was erased.</source>
        <translation>输入的名称与本站名称不符，未清除任何内容。</translation>
    </message>
</context>
<context>
    <name>DoneTableModel</name>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="79" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="79" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="79" />
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="79" />
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="79" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="36" />
        <source>Registrations on {0}</source>
        <translation>{0} 的登记</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="40" />
        <source>{0} registrations (names, phones and ID numbers masked).</source>
        <translation>共 {0} 条登记（姓名、手机号、身份证号已脱敏）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="42" />
        <source>The first {0} registrations of the day (names, phones and ID numbers masked).</source>
        <translation>当天前 {0} 条登记（姓名、手机号、身份证号已脱敏）。</translation>
    </message>
</context>
<context>
    <name>DrillTableModel</name>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="20" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="20" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="20" />
        <source>Who</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="20" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="20" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="21" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="21" />
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="21" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/drill_dialog.py" line="21" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>DueTableModel</name>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="41" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="41" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="41" />
        <source>Why</source>
        <translation>帮扶原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="41" />
        <source>Last done</source>
        <translation>上次服务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="41" />
        <source>Service due</source>
        <translation>应服务内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="52" />
        <source>Visit (every {0} days)</source>
        <translation>走访（每 {0} 天）</translation>
    </message>
</context>
<context>
    <name>Duty</name>
    <message>
        <location filename="../../gui/texts.py" line="68" />
        <source>{0} checked out</source>
        <translation>{0} 已签退</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="69" />
        <source>{0} · {1} h {2} min on duty</source>
        <translation>{0} · 值守 {1} 小时 {2} 分钟</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="70" />
        <source>{0} checked in</source>
        <translation>{0} 已签到</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="71" />
        <source> · late {0} min</source>
        <translation> · 迟到 {0} 分钟</translation>
    </message>
</context>
<context>
    <name>DutyCoverModel</name>
    <message>
        <location filename="../../gui/staffing_panel.py" line="26" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="26" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="26" />
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="26" />
        <source>Short</source>
        <translation>缺人</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="27" />
        <source>Critical short</source>
        <translation>要岗缺人</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="27" />
        <source>Held</source>
        <translation>到岗足额</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="27" />
        <source>No-shows</source>
        <translation>缺岗人次</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="27" />
        <source>Check-ins</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="28" />
        <source>Hours</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>DutyPanel</name>
    <message>
        <location filename="../../gui/duty_panel.py" line="28" />
        <source>Scan a duty card to check in or out.</source>
        <translation>刷值守卡签到或签退。</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="32" />
        <source>Check in by name… [F3]</source>
        <translation>按姓名签到… [F3]</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="37" />
        <source>Rota… [F4]</source>
        <translation>排班… [F4]</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="48" />
        <source>Today's rota</source>
        <translation>今日排班</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="65" />
        <source>At the post now</source>
        <translation>正在岗</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="104" />
        <source>Tomorrow, short of people: {0}</source>
        <translation>明日缺人班次：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="105" />
        <source>Tomorrow: every shift has its people.</source>
        <translation>明日：各班次人员已齐。</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="108" />
        <source>Check-ins to review: {0}</source>
        <translation>待复核签到：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="150" />
        <source>Nobody is on the rota yet: a supervisor adds people under Rota… (F4).</source>
        <translation>排班名单上还没有人：请主管在“排班…（F4）”中添加。</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="162" />
        <source>A supervisor keeps the rota: people, posts and shifts.</source>
        <translation>排班由主管维护：人员、岗位和班次。</translation>
    </message>
    <message>
        <location filename="../../gui/duty_panel.py" line="172" />
        <source>A supervisor reviews check-ins that were closed on their own.</source>
        <translation>自动关闭的签到由主管复核。</translation>
    </message>
</context>
<context>
    <name>DutyUnitsModel</name>
    <message>
        <location filename="../../gui/staffing_panel.py" line="50" />
        <source>Sent by</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="50" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="50" />
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="50" />
        <source>Night hours</source>
        <translation>夜间时长</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="51" />
        <source>Weighted hours</source>
        <translation>折算时长</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="51" />
        <source>Credited (half hours)</source>
        <translation>认定时长（按半小时）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="37" />
        <source>Export for the office</source>
        <translation>导出给社区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="42" />
        <source>Everything since the last export (no. {0}, {1})</source>
        <translation>上次导出以来的全部记录（第 {0} 号，{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="44" />
        <source>Everything (this is the first export)</source>
        <translation>全部记录（这是第一次导出）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="47" />
        <source>Only the days from … to …</source>
        <translation>只导出以下日期：从 … 到 …</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="67" />
        <source>Write to</source>
        <translation>写入到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="69" />
        <source>Unmasked names, phones and ID numbers in the spreadsheets (administrator only)</source>
        <translation>表格中显示完整的姓名、手机号和身份证号（仅限管理员）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="75" />
        <source>Encrypted for {0} (key {1}): only that office can open the bundle.</source>
        <translation>已按 {0} 的密钥加密（密钥 {1}）：只有该办公室能打开数据包。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="77" />
        <source>Not encrypted: anyone who finds the USB stick can read it. Load the office's key file (Admin ▸ Office key) to encrypt bundles.</source>
        <translation>未加密：捡到 U 盘的人都能读取。请载入社区办公室的密钥文件（管理 ▸ 办公室密钥）以加密数据包。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="82" />
        <source>Bundles from this gate are signed with key {0}.</source>
        <translation>本门岗的数据包签名密钥：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="90" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="123" />
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="136" />
        <source>Exports are made by a supervisor: a supervisor's PIN is needed.</source>
        <translation>导出需由主管进行，需要主管 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="137" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="135" />
        <source>Unmasked personal data needs an administrator's PIN.</source>
        <translation>导出未脱敏的个人信息需要管理员 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="138" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="144" />
        <source>Written: {0}
Bundle no. {1}, {2} records{3}. The day's logs are beside it as .xlsx and .csv. Wait for the copy to finish before pulling out the stick.</source>
        <translation>已写入：{0}
第 {1} 号数据包，{2} 条记录{3}。当天的登记表（.xlsx 和 .csv）在同一文件夹。请等复制完成后再拔出 U 盘。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="147" />
        <source>, encrypted</source>
        <translation>，已加密</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="152" />
        <source>The bundle was not written: {0}. Nothing at the gate has changed; try again or another stick.</source>
        <translation>数据包未写入：{0}。门岗的数据没有任何改动；请重试或换一个 U 盘。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../gui/team_panels.py" line="26" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="26" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="26" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="26" />
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="27" />
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="27" />
        <source>Found</source>
        <translation>发现次数</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="36" />
        <source>{0} times</source>
        <translation>{0} 次</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../gui/team_panels.py" line="57" />
        <source>Follow-up visit to this compound… [Ctrl+F]</source>
        <translation>复查该小区… [Ctrl+F]</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="77" />
        <source>{0} open findings, {1} overdue</source>
        <translation>{0} 个问题未整改，{1} 个已超期</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="86" />
        <source>Choose a finding: its compound gets the follow-up visit.</source>
        <translation>请先选中一个问题：将复查其所在小区。</translation>
    </message>
</context>
<context>
    <name>FolderRow</name>
    <message>
        <location filename="../../gui/widgets.py" line="234" />
        <source>the USB stick, e.g. E:\ or /media/usb</source>
        <translation>U 盘，例如 E:\ 或 /media/usb</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="236" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="242" />
        <source>Where to write the bundle</source>
        <translation>数据包写到哪里</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="254" />
        <source>Choose where to write the bundle (the USB stick).</source>
        <translation>请选择数据包写到哪里（U 盘）。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="256" />
        <source>{0} is not a folder that can be written to. Is the USB stick in?</source>
        <translation>{0} 不是可写入的文件夹。U 盘插好了吗？</translation>
    </message>
</context>
<context>
    <name>ForwardDialog</name>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="24" />
        <source>Forward to the office above</source>
        <translation>上报上级办公室</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="28" />
        <source>Everything this office received from its gates since the last forward, in the gates' own names, and its compounds' census changed since then, for the sub-district or district office to import.</source>
        <translation>自上次上报以来本办公室从各门岗收到的全部记录（仍以各门岗的名义），以及此后有变动的小区分类台账，供街道或区办公室导入。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="33" />
        <source>This office speaks for: {0}</source>
        <translation>本办公室代表：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="34" />
        <source>This office names no district, sub-district or community to speak for, so the office above cannot tell which gates are its own. An administrator names them with: gatedesk office-init --district … --subdistrict … --community …</source>
        <translation>本办公室尚未指明所代表的区、街道或社区，上级办公室无法判断哪些门岗归它。管理员可用以下命令指明：gatedesk office-init --district … --subdistrict … --community …</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="42" />
        <source>Write to</source>
        <translation>写入到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="46" />
        <source>Encrypted for {0} (key {1}): only that office can open it.</source>
        <translation>已为 {0} 加密（密钥 {1}）：只有该办公室能打开。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="48" />
        <source>Not encrypted: anyone who finds the USB stick can read it. Load the key file of the office above (Admin ▸ Key file of the office above…) to encrypt it.</source>
        <translation>未加密：任何拿到 U 盘的人都能读取。载入上级办公室的密钥文件（管理 ▸ 上级办公室密钥文件…）即可加密。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="53" />
        <source>Signed with this office's key {0}: the office above enrolls this office by it.</source>
        <translation>以本办公室的密钥 {0} 签名：上级办公室凭此登记本办公室。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="63" />
        <source>Forward</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="81" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="82" />
        <source>A supervisor forwards the gates' records: a supervisor's PIN is needed.</source>
        <translation>上报门岗记录由主管进行：需要主管 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="95" />
        <source>Writing the office bundle…</source>
        <translation>正在写入办公室数据包…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="104" />
        <source>Written: {0}
Office bundle no. {1}, {2} records{3}. Wait for the copy to finish before pulling out the stick.</source>
        <translation>已写入：{0}
第 {1} 号办公室数据包，{2} 条记录{3}。请等复制完成后再拔出 U 盘。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="107" />
        <source>, encrypted for {0}</source>
        <translation>，已为 {0} 加密</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="108" />
        <source>Compounds whose census goes up with it: {0}.</source>
        <translation>本次一并上报分类台账的小区：{0} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/forward_dialog.py" line="116" />
        <source>The office bundle was not written: {0}. Nothing here has changed; try again or another stick.</source>
        <translation>办公室数据包未写入：{0}。本机数据没有任何改变；请重试或换一个 U 盘。</translation>
    </message>
</context>
<context>
    <name>GatePanel</name>
    <message>
        <location filename="../../gui/gate_panel.py" line="83" />
        <source>11 digits; a returning visitor is filled in</source>
        <translation>11 位手机号；老访客自动带出</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="86" />
        <source>district, town or city</source>
        <translation>区、镇或城市</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="87" />
        <source>building-unit-room, e.g. 3-2-501</source>
        <translation>楼-单元-室，如 3-2-501</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="91" />
        <source>Green</source>
        <translation>绿码</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="92" />
        <source>Yellow</source>
        <translation>黄码</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="93" />
        <source>Red</source>
        <translation>红码</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="94" />
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="95" />
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="96" />
        <source>None</source>
        <translation>无结果</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="97" />
        <source>11-28 09:12, or 30h</source>
        <translation>11-28 09:12，或 30h</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="98" />
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="113" />
        <source>Risk-area stay in 14 days / star on itinerary card</source>
        <translation>14 天内到过中高风险地区 / 行程卡带星</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="104" />
        <source>Who [F1–F5]</source>
        <translation>人员类别 [F1–F5]</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="105" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="106" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="115" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="116" />
        <source>Coming from</source>
        <translation>从何处来</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="107" />
        <source>Going to (building-unit-room)</source>
        <translation>去往（楼-单元-室）</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="108" />
        <source>Host (resident visited)</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="117" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="109" />
        <location filename="../../gui/gate_panel.py" line="299" />
        <source>Temperature °C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="98" />
        <source>No</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="100" />
        <source>Mask on</source>
        <translation>戴了</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="100" />
        <source>No mask</source>
        <translation>没戴</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="110" />
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="111" />
        <source>Nucleic-acid result</source>
        <translation>核酸结果</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="112" />
        <source>Sample taken</source>
        <translation>采样时间</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="114" />
        <source>Mask</source>
        <translation>口罩</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="130" />
        <source>Save  [Enter]</source>
        <translation>保存  [Enter]</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="134" />
        <source>Clear  [Esc]</source>
        <translation>清空  [Esc]</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="151" />
        <source>Supervisor override…</source>
        <translation>主管改判…</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="156" />
        <source>Place at the isolation point  [F9]</source>
        <translation>送往临时隔离点  [F9]</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="165" />
        <source>Sign the earlier entry out, then save  [F7]</source>
        <translation>先为上次登记签离，再保存  [F7]</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="176" />
        <source>Register the next person meanwhile  [F8]</source>
        <translation>先登记下一位  [F8]</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="184" />
        <source>Waiting for a re-measure (double-click or Enter to resume)</source>
        <translation>等候复测（双击或回车继续登记）</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="291" />
        <source>Ready</source>
        <translation>请登记</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="291" />
        <source>Type the phone number to begin.</source>
        <translation>先输入手机号。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="297" />
        <source>First reading: {0} °C — type the re-measured reading</source>
        <translation>初测：{0} °C —— 请输入复测体温</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="299" />
        <source>Re-measured temperature °C</source>
        <translation>复测体温 °C</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="323" />
        <source>ID card not read</source>
        <translation>身份证未读取</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="332" />
        <source>From the ID card · born {0}</source>
        <translation>读自身份证 · 出生 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="333" />
        <source>Now the checks.</source>
        <translation>接着逐项查验。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="333" />
        <source>Now the phone number and the checks.</source>
        <translation>接着输入手机号并逐项查验。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="334" />
        <source>ID card read</source>
        <translation>身份证已读取</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="334" />
        <source>{0} · born {1}.</source>
        <translation>{0} · 出生 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="377" />
        <source>Next: {0}</source>
        <translation>下一项：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="380" />
        <source>Everything is asked: Enter saves.</source>
        <translation>都已填好：按回车保存。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="401" />
        <source>from the visit of {0}; change it if the visitor shows a newer one</source>
        <translation>来自 {0} 的登记；访客出示更新的结果时请改</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="403" />
        <source>Returning visitor</source>
        <translation>老访客</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="404" />
        <source>Filled in from the last visit. Check it, then take the temperature.</source>
        <translation>已按上次登记带出信息。请核对，然后测温。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="457" />
        <source>Resident {0} · {1} · in</source>
        <translation>住户 {0} · {1} · 进</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="459" />
        <source>Take the temperature, type it and press Enter. Esc cancels.</source>
        <translation>请测温，输入体温后按回车。按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="481" />
        <source>in</source>
        <translation>进</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="481" />
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="482" />
        <source>Pass: {0}</source>
        <translation>刷证放行：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="494" />
        <source>Duty card refused</source>
        <translation>值守卡被拒</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="507" />
        <source>STOP — do not let out</source>
        <translation>拦住 — 不得外出</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="507" />
        <source>Pass refused</source>
        <translation>通行证无效</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="524" />
        <source>Already inside</source>
        <translation>已在场</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="525" />
        <source>{0} came in at {1} and has not signed out. F7 signs that entry out and saves this one; Esc clears the form.</source>
        <translation>{0} 于 {1} 进入，尚未离开。按 F7 为上次登记签离并保存本次；按 Esc 清空表单。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="536" />
        <source>NOT SAVED</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="547" />
        <location filename="../../gui/gate_panel.py" line="583" />
        <source>Measure again</source>
        <translation>请复测</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="548" />
        <source>{0} °C is at or above {1} °C. Wait a few minutes out of the wind, measure again and type the new reading.</source>
        <translation>{0} °C 达到或超过 {1} °C。请到避风处等候几分钟后复测，并输入复测读数。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="562" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="563" />
        <source>Correct the fields marked in red.</source>
        <translation>请更正标红的项目。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="584" />
        <source>First reading {0} °C: type the re-measured reading.</source>
        <translation>初测 {0} °C：请输入复测读数。</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="593" />
        <source>{0} · first reading {1} °C · waiting {2} min</source>
        <translation>{0} · 初测 {1} °C · 已等 {2} 分钟</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="634" />
        <source>Overridden by a supervisor: {0}</source>
        <translation>主管改判：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/gate_panel.py" line="646" />
        <source>Placed at the isolation point.</source>
        <translation>已安置到临时隔离点。</translation>
    </message>
</context>
<context>
    <name>GateStatusBar</name>
    <message>
        <location filename="../../gui/status_bar.py" line="45" />
        <source>On duty: {0}</source>
        <translation>值班：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/status_bar.py" line="45" />
        <source>Nobody signed in</source>
        <translation>无人值班</translation>
    </message>
    <message>
        <location filename="../../gui/status_bar.py" line="38" />
        <source>Today {0} in · {1} refused · {2} isolated · {3} inside</source>
        <translation>今日：放行 {0} · 劝返 {1} · 送隔离点 {2} · 在场 {3}</translation>
    </message>
    <message>
        <location filename="../../gui/status_bar.py" line="40" />
        <source>Isolation {0} · parcels {1}</source>
        <translation>隔离点：{0} · 待取：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/status_bar.py" line="56" />
        <source>Not yet exported for the office</source>
        <translation>尚未给社区导出</translation>
    </message>
    <message>
        <location filename="../../gui/status_bar.py" line="58" />
        <source>Exported: no. {0}, {1}</source>
        <translation>已导出：第 {0} 号，{1}</translation>
    </message>
    <message>
        <location filename="../../gui/status_bar.py" line="62" />
        <source>Export (toolbar) writes today's bundle for the community office.</source>
        <translation>点工具栏的“导出”，为社区办公室写出今天的数据包。</translation>
    </message>
</context>
<context>
    <name>GatesPanel</name>
    <message>
        <location filename="../../gui/gates_panel.py" line="92" />
        <source>No bundles imported yet.</source>
        <translation>尚未导入任何数据包。</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="94" />
        <source>{0} of {1} gates have gaps, an audit log cut short or rewritten, or have sent nothing for more than a day (in red).</source>
        <translation>{1} 个门岗中有 {0} 个缺号、操作日志被截短或改写，或超过一天未报送（红色）。</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="97" />
        <source>All {0} gates are up to date.</source>
        <translation>全部 {0} 个门岗均已按时报送。</translation>
    </message>
</context>
<context>
    <name>GatesTableModel</name>
    <message>
        <location filename="../../gui/gates_panel.py" line="30" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="30" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="30" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="30" />
        <source>Last bundle no.</source>
        <translation>最新数据包编号</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="31" />
        <source>Written at the gate</source>
        <translation>门岗导出时间</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="31" />
        <source>Imported here</source>
        <translation>本处导入时间</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="31" />
        <source>Missing bundle numbers</source>
        <translation>缺少的编号</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="32" />
        <source>Gate's audit log</source>
        <translation>门岗操作日志</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="39" />
        <source>cut short (bundle {0})</source>
        <translation>被截短（第 {0} 号数据包）</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="41" />
        <source>rewritten (bundle {0})</source>
        <translation>被改写（第 {0} 号数据包）</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="42" />
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="58" />
        <source>{0} ({1} bundles)</source>
        <translation>{0}（共 {1} 个）</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="59" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="67" />
        <source>Between two of this gate's bundles its audit log went backwards or was replaced: entries were deleted or the log rewritten (or an old backup restored). Ask the gate why.</source>
        <translation>在该门岗的两个数据包之间，它的操作日志倒退或被替换：有条目被删除或日志被改写（或恢复了旧备份）。请向门岗询问原因。</translation>
    </message>
    <message>
        <location filename="../../gui/gates_panel.py" line="70" />
        <source>Ask this gate for the missing bundles, or for an export of the missing days.</source>
        <translation>请该门岗补交缺少的数据包，或按日期导出缺少的天数。</translation>
    </message>
</context>
<context>
    <name>HereTableModel</name>
    <message>
        <location filename="../../gui/duty_models.py" line="61" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="61" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="61" />
        <source>Since</source>
        <translation>到岗时间</translation>
    </message>
</context>
<context>
    <name>Housekeeping</name>
    <message>
        <location filename="../../gui/housekeeping.py" line="76" />
        <source>The daily backup could not be written: {0}</source>
        <translation>今日备份未能写入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/housekeeping.py" line="78" />
        <source>Personal data past its retention period could not be erased; GateDesk tries again every minute. A report is in the logs folder: tell the administrator.</source>
        <translation>超过保存期限的个人信息未能删除；门岗登记台每分钟重试一次。报告在日志文件夹中：请告知管理员。</translation>
    </message>
</context>
<context>
    <name>IdCard</name>
    <message>
        <location filename="../../models/gate/id_card.py" line="21" />
        <source>ID number only</source>
        <translation>仅身份证号</translation>
    </message>
    <message>
        <location filename="../../models/gate/id_card.py" line="22" />
        <source>Name, Tab, ID number</source>
        <translation>姓名、Tab、身份证号</translation>
    </message>
    <message>
        <location filename="../../models/gate/id_card.py" line="23" />
        <source>Name, sex, ethnicity, birth, address, ID number (Tab between)</source>
        <translation>姓名、性别、民族、出生、住址、身份证号（以 Tab 分隔）</translation>
    </message>
    <message>
        <location filename="../../models/gate/id_card.py" line="24" />
        <source>Name, comma, ID number</source>
        <translation>姓名、逗号、身份证号</translation>
    </message>
    <message>
        <location filename="../../models/gate/id_card.py" line="48" />
        <source>The ID card reader typed something this station cannot read. Check that the reader's layout in Settings matches the reader.</source>
        <translation>身份证阅读器输出的内容无法识别。请在“设置”中核对阅读器的输出格式。</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../gui/import_panel.py" line="90" />
        <source>Add the bundles from the gates (a USB stick's folder, or files). GateDesk first checks them without changing anything; then press Import. Importing the same bundle again is harmless.</source>
        <translation>添加各门岗的数据包（U 盘中的文件夹或文件）。门岗登记台先检查，不做任何更改；确认后按“导入”。同一数据包重复导入不会产生影响。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="96" />
        <source>Add bundles…</source>
        <translation>添加数据包…</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="97" />
        <source>Add a folder or USB stick…</source>
        <translation>添加文件夹或 U 盘…</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="98" />
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="114" />
        <source>Accept the gate's new key…</source>
        <translation>接受门岗的新密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="119" />
        <source>Enroll this gate…</source>
        <translation>备案此门岗…</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="130" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="145" />
        <source>Bundles to import</source>
        <translation>要导入的数据包</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="146" />
        <source>GateDesk bundles (*{0})</source>
        <translation>门岗登记台数据包 (*{0})</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="151" />
        <source>Folder or USB stick with bundles</source>
        <translation>存有数据包的文件夹或 U 盘</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="160" />
        <source>No new bundles found there.</source>
        <translation>那里没有新的数据包。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="190" />
        <source>Checking {0} bundles…</source>
        <translation>正在检查 {0} 个数据包…</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="190" />
        <source>Importing {0} bundles…</source>
        <translation>正在导入 {0} 个数据包…</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="211" />
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="212" />
        <source>Cancelled. The {0} bundles imported before it stay imported; the others were not changed.</source>
        <translation>已取消。取消前已导入的 {0} 个数据包保持导入；其余文件未作改动。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="216" />
        <source>Checked: {0} can be imported ({1} new records, {2} updated), {3} rejected. Nothing has been changed yet.</source>
        <translation>检查完毕：{0} 个可导入（新增 {1} 条，更新 {2} 条），{3} 个被拒收。尚未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="222" />
        <source>Imported {0} bundles: {1} new records, {2} updated, {3} conflicts to review. {4} rejected.</source>
        <translation>已导入 {0} 个数据包：新增 {1} 条，更新 {2} 条，待处理冲突 {3} 条。拒收 {4} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="229" />
        <source>{0} from gates not yet enrolled: select one to see its key fingerprint.</source>
        <translation>{0} 个来自尚未备案的门岗：选中一行可查看其密钥指纹。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="239" />
        <source>The import stopped: {0}. The bundle being imported was not changed; import the files again (those already imported are recognised).</source>
        <translation>导入中断：{0}。正在导入的数据包未作改动；请重新导入这些文件（已导入的会被识别）。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="254" />
        <location filename="../../gui/import_panel.py" line="256" />
        <source>New key</source>
        <translation>新密钥</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="257" />
        <source>Accept key {0} for {1}? Do this only after the gate has read you the same fingerprint over the phone (the gate's Export window shows it).</source>
        <translation>接受 {1} 的密钥 {0} 吗？请先让门岗在电话里念出同样的指纹（门岗的“导出”窗口中显示）后再接受。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="273" />
        <location filename="../../gui/import_panel.py" line="282" />
        <source>Enroll a gate</source>
        <translation>备案门岗</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="274" />
        <source>Enroll {0} {1}?

Its key fingerprint is
{2}

Enroll it only if this is the fingerprint printed on the gate's set-up sheet (or read to you by the gate over the phone). From then on its bundles are imported.</source>
        <translation>备案 {0} {1}？

它的密钥指纹是
{2}

只有与该门岗设置单上印的指纹（或门岗电话中念给您的指纹）一致时才备案。备案后即导入它的数据包。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="297" />
        <source> Record: {0}.</source>
        <translation> 记录：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="300" />
        <source>{0}: imported, but this gate's audit log was cut short or rewritten since an earlier bundle. Ask the gate what happened (Gates reporting shows it in red).</source>
        <translation>{0}：已导入，但与之前的数据包相比，该门岗的操作日志被截短或改写。请向门岗了解情况（“门岗报送”页以红色显示）。</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="305" />
        <source>{0}: relays gates this office had not seen; they are enrolled by these keys. Compare each with the gate's set-up sheet: {1}</source>
        <translation>{0}：转报了本办公室未见过的门岗，已按以下密钥登记。请逐一与门岗的设置单核对：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="309" />
        <source>{0}: {1} records arrived changed at the same revision; they are kept under Conflicts for you to decide.</source>
        <translation>{0}：{1} 条记录以相同版本号到达但内容不同，已放入“冲突”等您决定。</translation>
    </message>
</context>
<context>
    <name>ImportTableModel</name>
    <message>
        <location filename="../../gui/import_panel.py" line="29" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="29" />
        <source>Compound and gate</source>
        <translation>小区和门岗</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="29" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="29" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="30" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="30" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="30" />
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="30" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="35" />
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="37" />
        <source>Waiting for enrollment</source>
        <translation>等待备案</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="39" />
        <source>Skipped: not a bundle</source>
        <translation>已跳过：不是数据包</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="41" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="43" />
        <source>Not imported: database unreachable</source>
        <translation>未导入：数据库无法连接</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="45" />
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="47" />
        <source>Already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="47" />
        <source>Can be imported</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_panel.py" line="48" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>InspectionWindow</name>
    <message>
        <location filename="../../gui/inspection_window.py" line="23" />
        <source>GateDesk — {0}</source>
        <translation>门岗登记台 — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="29" />
        <source>Visits</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="29" />
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="30" />
        <source>Standards</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="51" />
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="59" />
        <source>New visit [Ctrl+N]</source>
        <translation>新建检查 [Ctrl+N]</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="62" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="63" />
        <source>Write the team's bundle for the office (USB stick)</source>
        <translation>为办公室写出本组的数据包（U盘）</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="65" />
        <source>Office's list of compounds…</source>
        <translation>办公室的小区清单…</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="67" />
        <source>Load the district's standard…</source>
        <translation>导入区里的检查标准…</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="69" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="71" />
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="73" />
        <source>Office key…</source>
        <translation>办公室密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="75" />
        <source>Set-up sheet for the office…</source>
        <translation>给办公室的设置单…</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="77" />
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="82" />
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="100" />
        <source>An administrator's PIN is needed.</source>
        <translation>需要管理员的 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="113" />
        <source>Office's list of compounds</source>
        <translation>办公室的小区清单</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="121" />
        <source>{0}: {1} compounds this team may visit. It replaces the list loaded before.</source>
        <translation>{0}：本组可检查的小区 {1} 个。它将替换之前导入的清单。</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="129" />
        <source>{0} compounds loaded.</source>
        <translation>已导入 {0} 个小区。</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="133" />
        <source>The district's standard</source>
        <translation>区里的检查标准</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="142" />
        <source>{0}: “{1}”, {2} items{3}. It replaces the standard of that name; visits already made keep theirs.</source>
        <translation>{0}：《{1}》，共 {2} 项{3}。它将替换同名标准；已做的检查保留原标准。</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="145" />
        <source>, pass mark {0}</source>
        <translation>，合格分 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/inspection_window.py" line="151" />
        <source>Loaded: {0} version {1}.</source>
        <translation>已导入：{0} 第 {1} 版。</translation>
    </message>
</context>
<context>
    <name>Isolation</name>
    <message>
        <location filename="../../models/station/isolation.py" line="52" />
        <source>Released after a normal re-check</source>
        <translation>复测正常，解除留观</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="53" />
        <source>Taken by 120</source>
        <translation>120 接走</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="54" />
        <source>Taken by community health staff</source>
        <translation>社区医护人员接走</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="55" />
        <source>Sent home under monitoring</source>
        <translation>送回居家监测</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="56" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="59" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="60" />
        <source>Sub-district isolation team</source>
        <translation>街道转运专班</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="61" />
        <source>120</source>
        <translation>120</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="62" />
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="126" />
        <source>This case is closed; change it through a correction with a reason.</source>
        <translation>此个案已结案；如需修改，请填写理由提交更正。</translation>
    </message>
</context>
<context>
    <name>IsolationPanel</name>
    <message>
        <location filename="../../gui/isolation_panel.py" line="122" />
        <source>New case…</source>
        <translation>新建个案…</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="127" />
        <source>Open cases</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="128" />
        <source>Closed in the last 7 days</source>
        <translation>近 7 天已结案</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="130" />
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="144" />
        <source>Record re-check</source>
        <translation>记录复测</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="153" />
        <source>who answered, what they said</source>
        <translation>接听人、答复内容</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="154" />
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="159" />
        <source>person and unit taking over</source>
        <translation>接收人及单位</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="160" />
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="167" />
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="171" />
        <source>Re-check °C</source>
        <translation>复测体温 °C</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="174" />
        <source>Notify</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="178" />
        <source>Hand over to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="181" />
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="207" />
        <source>{0} cases closed in the last 7 days</source>
        <translation>近 7 天已结案 {0} 例</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="215" />
        <source>{0} open cases, {1} overdue</source>
        <translation>处置中 {0} 例，超时未上报 {1} 例</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="229" />
        <location filename="../../gui/isolation_panel.py" line="250" />
        <source>Choose a case in the list first.</source>
        <translation>请先在列表中选中一个个案。</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="235" />
        <source>Corrections are made by a supervisor: a supervisor's PIN is needed.</source>
        <translation>更正需由主管进行，需要主管 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="270" />
        <source>{0}: re-check {1} °C recorded at {2}</source>
        <translation>{0}：复测 {1} °C，已于 {2} 记录</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="276" />
        <source>{0}: {1} notified at {2}</source>
        <translation>{0}：已于 {2} 通知{1}</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="282" />
        <source>{0}: handed over to {1} at {2}</source>
        <translation>{0}：已于 {2} 移交给 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="288" />
        <source>{0}: case closed ({1}) at {2}</source>
        <translation>{0}：已于 {2} 结案（{1}）</translation>
    </message>
</context>
<context>
    <name>IsolationTableModel</name>
    <message>
        <location filename="../../gui/isolation_panel.py" line="37" />
        <source>Placed</source>
        <translation>安置时间</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="37" />
        <source>Open for</source>
        <translation>已留观</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="37" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="37" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="37" />
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="38" />
        <source>Re-checks</source>
        <translation>复测次数</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="38" />
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="38" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="74" />
        <source>Overdue: nobody notified</source>
        <translation>超时未上报</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="75" />
        <source>Handed to {0}</source>
        <translation>已移交：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/isolation_panel.py" line="75" />
        <source>Under observation</source>
        <translation>留观中</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../gui/visits_panel.py" line="85" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="85" />
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="85" />
        <source>Item</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="85" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="85" />
        <source>Answer</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="86" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="100" />
        <source> (veto)</source>
        <translation>（否决项）</translation>
    </message>
</context>
<context>
    <name>KeyFile</name>
    <message>
        <location filename="../../gui/dialogs/key_file.py" line="16" />
        <source>Office key (*.json *.gdkey)</source>
        <translation>办公室密钥 (*.json *.gdkey)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/key_file.py" line="35" />
        <source>An administrator's PIN is needed.</source>
        <translation>需要管理员的 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/key_file.py" line="38" />
        <location filename="../../gui/dialogs/key_file.py" line="42" />
        <source>Office key</source>
        <translation>办公室密钥</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/key_file.py" line="39" />
        <source>The office's key file</source>
        <translation>办公室的密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/key_file.py" line="40" />
        <source>{0} is not an office key file.</source>
        <translation>{0} 不是办公室密钥文件。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/key_file.py" line="42" />
        <source>From now on bundles are encrypted for {0}. Check the key fingerprint with the office by phone: {1}</source>
        <translation>从现在起数据包将加密给 {0}。请打电话与办公室核对密钥指纹：{1}</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../models/gate/rules.py" line="70" />
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="71" />
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="72" />
        <source>Delivery</source>
        <translation>快递 / 外卖</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="73" />
        <source>Worker</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="74" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="77" />
        <source>Green</source>
        <translation>绿码</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="78" />
        <source>Yellow</source>
        <translation>黄码</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="79" />
        <source>Red</source>
        <translation>红码</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="82" />
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="83" />
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="84" />
        <source>No result</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>LeagueModel</name>
    <message>
        <location filename="../../gui/supervision_panel.py" line="78" />
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="78" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="78" />
        <source>Visits</source>
        <translation>检查次数</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="78" />
        <source>Passed</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="78" />
        <source>Pass rate</source>
        <translation>达标率</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="79" />
        <source>Mean score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="79" />
        <source>Open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="79" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../gui/lock_page.py" line="39" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../gui/lock_page.py" line="61" />
        <source>Shift change: the next operator signs in.</source>
        <translation>换班时间：请接班人员登录。</translation>
    </message>
    <message>
        <location filename="../../gui/lock_page.py" line="62" />
        <source>Locked after a quiet spell. Type your PIN to go on.</source>
        <translation>长时间无操作，已锁定。请输入 PIN 继续。</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <location filename="../../gui/log_panel.py" line="34" />
        <source>Name, phone, ID number, or the last 4 digits of either</source>
        <translation>姓名、手机号、身份证号，或手机 / 身份证后 4 位</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="37" />
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="52" />
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="57" />
        <source>Any decision</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="60" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="64" />
        <source>Show in full…</source>
        <translation>查看完整信息…</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="68" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="71" />
        <source>A supervisor deletes a registration made in error</source>
        <translation>主管删除登记错误的记录</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="130" />
        <location filename="../../gui/log_panel.py" line="145" />
        <source>{0} registrations</source>
        <translation>共 {0} 条登记</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="153" />
        <location filename="../../gui/log_panel.py" line="169" />
        <source>Choose a row first.</source>
        <translation>请先选中一行。</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="156" />
        <source>Show personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="157" />
        <source>A supervisor's PIN is needed; the view is recorded.</source>
        <translation>需要主管 PIN；查看操作将被记录。</translation>
    </message>
    <message>
        <location filename="../../gui/log_panel.py" line="173" />
        <source>Deleted. {0} registrations</source>
        <translation>已删除。共 {0} 条登记</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="26" />
        <source>GateDesk — {0}</source>
        <translation>门岗登记台 — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="38" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="38" />
        <source>On site</source>
        <translation>在场人员</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="39" />
        <source>Log</source>
        <translation>登记记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="39" />
        <source>Isolation</source>
        <translation>隔离点</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="40" />
        <source>Parcels</source>
        <translation>寄存点</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="40" />
        <source>Testing</source>
        <translation>核酸</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="79" />
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="41" />
        <source>Duty</source>
        <translation>值守</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="88" />
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="89" />
        <source>Hand over to the next operator (Ctrl+H)</source>
        <translation>交班给下一位值班员（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="92" />
        <source>Check</source>
        <translation>每日检查</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="93" />
        <source>The daily readiness check</source>
        <translation>每日准备情况检查</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="95" />
        <source>Disinfect</source>
        <translation>消毒记录</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="97" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="99" />
        <source>Operators</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="102" />
        <source>Write the bundle for the community office (USB stick)</source>
        <translation>为社区办公室写出数据包（U 盘）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104" />
        <source>Office key…</source>
        <translation>办公室密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106" />
        <source>Set-up sheet for the office…</source>
        <translation>给办公室的设置单…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108" />
        <source>Posters…</source>
        <translation>场所码海报…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110" />
        <source>Residents and passes…</source>
        <translation>住户与通行证…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112" />
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114" />
        <source>End of the campaign…</source>
        <translation>结束防控…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118" />
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="206" />
        <source>An administrator's PIN is needed.</source>
        <translation>需要管理员 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="220" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="221" />
        <source>The new language is used from the next start of GateDesk.</source>
        <translation>新语言将在下次启动门岗登记台时生效。</translation>
    </message>
</context>
<context>
    <name>NeedsTableModel</name>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="60" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="60" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="60" />
        <source>Why</source>
        <translation>帮扶原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="60" />
        <source>Visit every</source>
        <translation>走访间隔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="60" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="61" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/care_dialog.py" line="71" />
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
</context>
<context>
    <name>NewVisitDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="32" />
        <source>New visit</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="48" />
        <source>Compound *</source>
        <translation>小区 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="54" />
        <source>{0} (v{1}, {2} items)</source>
        <translation>{0}（第 {1} 版，{2} 项）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="57" />
        <source>Standard *</source>
        <translation>检查标准 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="58" />
        <source>Unannounced (暗访)</source>
        <translation>暗访（不事先通知）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="64" />
        <source>e.g. 南门</source>
        <translation>例如：南门</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="65" />
        <source>Gate checked *</source>
        <translation>暗访的门岗 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="70" />
        <source>the team's members on this visit</source>
        <translation>本次检查的组员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="71" />
        <source>Team</source>
        <translation>检查组员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="80" />
        <source>The office's list of compounds is not loaded: load it first (Admin ▸ Office's list of compounds…).</source>
        <translation>尚未导入办公室的小区清单：请先导入（管理 ▸ 办公室的小区清单…）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="83" />
        <source>Start the visit</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="114" />
        <source>Follow-up of the visit of {0}: review its {1} open findings</source>
        <translation>复查 {0} 的检查：核查其 {1} 个未整改问题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="128" />
        <source>Choose the compound from the list (type part of its name).</source>
        <translation>请从列表中选择小区（输入名称的一部分）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_visit_dialog.py" line="133" />
        <source>No standard is loaded: an administrator loads one (Standards tab).</source>
        <translation>尚无检查标准：请管理员导入（标准页）。</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../gui/office_window.py" line="27" />
        <source>GateDesk — {0}</source>
        <translation>门岗登记台 — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="27" />
        <source>Community office</source>
        <translation>社区办公室</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="38" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="38" />
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="39" />
        <source>Gates reporting</source>
        <translation>门岗报送</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="40" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="41" />
        <source>Supervision</source>
        <translation>督导</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="42" />
        <source>Duty</source>
        <translation>值守</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="49" />
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="52" />
        <source>Daily report…</source>
        <translation>每日报表…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="54" />
        <source>Key file for gates…</source>
        <translation>给门岗的密钥文件…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="56" />
        <source>Forward upward…</source>
        <translation>上报上级…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="57" />
        <source>Write the gates' records for the sub-district or district office</source>
        <translation>为街道或区办公室写出各门岗的记录</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="59" />
        <source>Key file of the office above…</source>
        <translation>上级办公室密钥文件…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="61" />
        <source>Posters…</source>
        <translation>场所码海报…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="63" />
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="65" />
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="67" />
        <source>Organisation units…</source>
        <translation>组织单位…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="69" />
        <source>Census of the compounds…</source>
        <translation>小区分类台账…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="71" />
        <source>End of the campaign…</source>
        <translation>结束防控…</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="78" />
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="102" />
        <location filename="../../gui/office_window.py" line="111" />
        <location filename="../../gui/office_window.py" line="186" />
        <source>An administrator's PIN is needed.</source>
        <translation>需要管理员 PIN。</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="156" />
        <source>daily-report-{0}</source>
        <translation>日报-{0}</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="158" />
        <source>Save the daily report</source>
        <translation>保存每日报表</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="158" />
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="168" />
        <location filename="../../gui/office_window.py" line="172" />
        <source>Daily report</source>
        <translation>每日报表</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="168" />
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="171" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="172" />
        <source>The daily report for {0} is saved:
{1}</source>
        <translation>{0} 的日报已保存：
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="189" />
        <source>The key file of the office above</source>
        <translation>上级办公室的密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="185" />
        <source>Key file of the office above</source>
        <translation>上级办公室密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="190" />
        <source>{0} is not the key file of another office.</source>
        <translation>{0} 不是其他办公室的密钥文件。</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="193" />
        <source>From now on forwarded bundles are encrypted for {0}. Check the key fingerprint with that office by phone: {1}</source>
        <translation>今后上报的数据包将为 {0} 加密。请电话向该办公室核对密钥指纹：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="198" />
        <location filename="../../gui/office_window.py" line="209" />
        <location filename="../../gui/office_window.py" line="211" />
        <source>Key file for gates</source>
        <translation>给门岗的密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="199" />
        <source>Only an administrator hands out the office's key file.</source>
        <translation>只有管理员可以分发办公室密钥文件。</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="202" />
        <source>Save the key file for gates</source>
        <translation>保存给门岗的密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="203" />
        <source>Office key (*.json)</source>
        <translation>办公室密钥 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/office_window.py" line="212" />
        <source>Saved. Load this file once at each gate (Admin ▸ Office key). From then on their bundles can only be opened here. Key fingerprint, to check by phone: {0}</source>
        <translation>已保存。请在每个门岗载入一次此文件（管理 ▸ 办公室密钥）。此后它们的数据包只能在这里打开。供电话核对的密钥指纹：{0}</translation>
    </message>
</context>
<context>
    <name>OnSitePanel</name>
    <message>
        <location filename="../../gui/onsite_panel.py" line="41" />
        <source>Sign out  [Del]</source>
        <translation>签离  [Del]</translation>
    </message>
    <message>
        <location filename="../../gui/onsite_panel.py" line="62" />
        <source>{0} people inside</source>
        <translation>在场 {0} 人</translation>
    </message>
    <message>
        <location filename="../../gui/onsite_panel.py" line="79" />
        <source>Choose a person in the list first.</source>
        <translation>请先在列表中选中一人。</translation>
    </message>
    <message>
        <location filename="../../gui/onsite_panel.py" line="84" />
        <source>Signed out: {0}, in at {1}, out at {2}</source>
        <translation>已登记离开：{0}，{1} 进，{2} 出</translation>
    </message>
</context>
<context>
    <name>OpenRoundDialog</name>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="30" />
        <source>Open a testing round</source>
        <translation>开启核酸轮次</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="35" />
        <source>Round {0} of testing for every resident</source>
        <translation>第{0}轮全员核酸检测</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="38" />
        <source>Below building 1, Basketball court</source>
        <translation>1号楼下，篮球场</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="41" />
        <source>Separate the points with commas</source>
        <translation>多个采样点用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="42" />
        <source>Name of the round</source>
        <translation>轮次名称</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="43" />
        <source>Sampling points</source>
        <translation>采样点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="45" />
        <source>Fill from the community's notice (.xlsx, .csv)…</source>
        <translation>用社区下发的通知填写（.xlsx、.csv）…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="49" />
        <source>Buildings due (untick those not in this round)</source>
        <translation>应检楼栋（不在本轮的请取消勾选）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="53" />
        <source>Building {0}</source>
        <translation>{0}号楼</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="72" />
        <source>The roster is empty: add residents (Admin ▸ Residents and passes…) first.</source>
        <translation>住户名册为空：请先添加住户（管理 ▸ 住户与通行证…）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="74" />
        <source>Open the round</source>
        <translation>开启本轮</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="87" />
        <source>The community's notice of the round</source>
        <translation>社区下发的核酸轮次通知</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="88" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="99" />
        <source>This notice is for {0}; a round opens on its own day (today is {1}).</source>
        <translation>该通知是 {0} 的轮次；轮次只能在当天开启（今天是 {1}）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="110" />
        <source>Not on this gate's roster, left out: {0}</source>
        <translation>本门岗名册中没有这些楼栋，未纳入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="112" />
        <source>Left out of the notice's excused: {0}</source>
        <translation>通知中的免检名单未采用：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/open_round_dialog.py" line="118" />
        <source>Excused by the notice: {0}</source>
        <translation>通知中的免检人员：{0} 人</translation>
    </message>
</context>
<context>
    <name>OperatorPinBox</name>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="45" />
        <source>Operator</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="46" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <location filename="../../models/trust/operators.py" line="112" />
        <source>Wrong PIN. Please try again.</source>
        <translation>PIN 错误，请重试。</translation>
    </message>
    <message>
        <location filename="../../models/trust/operators.py" line="119" />
        <source>Only an administrator may do this.</source>
        <translation>只有管理员可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../models/trust/operators.py" line="120" />
        <source>Only a supervisor or an administrator may do this.</source>
        <translation>只有主管或管理员可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../models/trust/operators.py" line="121" />
        <source>Sign in first: this is done by the operator on duty.</source>
        <translation>请先登录：此操作由值班人员完成。</translation>
    </message>
    <message>
        <location filename="../../models/trust/operators.py" line="138" />
        <source>Too many wrong PINs. Try again in {minutes} minutes, or ask an administrator.</source>
        <translation>PIN 错误次数过多。请 {minutes} 分钟后再试，或找管理员。</translation>
    </message>
    <message>
        <location filename="../../models/trust/roles.py" line="19" />
        <source>Guard</source>
        <translation>保安</translation>
    </message>
    <message>
        <location filename="../../models/trust/roles.py" line="20" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../models/trust/roles.py" line="21" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <location filename="../../gui/dialogs/operators_dialog.py" line="26" />
        <source>Operators</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/operators_dialog.py" line="42" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/operators_dialog.py" line="43" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/operators_dialog.py" line="44" />
        <source>PIN (4–12 digits)</source>
        <translation>PIN（4–12 位数字）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/operators_dialog.py" line="49" />
        <source>Add operator</source>
        <translation>添加人员</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../gui/dialogs/override_dialog.py" line="30" />
        <source>Supervisor override</source>
        <translation>主管改判</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/override_dialog.py" line="32" />
        <source>{0}: decided «{1}»</source>
        <translation>{0}：原判定「{1}」</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/override_dialog.py" line="39" />
        <source>New decision</source>
        <translation>改判为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/override_dialog.py" line="43" />
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
</context>
<context>
    <name>ParcelDaysDialog</name>
    <message>
        <location filename="../../gui/dialogs/parcel_days_dialog.py" line="11" />
        <source>Drop-off station: counts per day</source>
        <translation>寄存点每日统计</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/parcel_days_dialog.py" line="14" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/parcel_days_dialog.py" line="14" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/parcel_days_dialog.py" line="14" />
        <source>Handed out</source>
        <translation>已发放</translation>
    </message>
</context>
<context>
    <name>ParcelTableModel</name>
    <message>
        <location filename="../../gui/parcels_panel.py" line="58" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="58" />
        <source>Code</source>
        <translation>取件码</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="59" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="59" />
        <source>Tracking no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="59" />
        <source>Disinf.</source>
        <translation>已消毒</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="58" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="59" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="58" />
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="60" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="77" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Parcels</name>
    <message>
        <location filename="../../models/station/parcels.py" line="36" />
        <source>Parcel</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="37" />
        <source>Takeout</source>
        <translation>外卖</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="38" />
        <source>Groceries</source>
        <translation>生鲜</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="39" />
        <source>Supplies</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="42" />
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="43" />
        <source>Collected</source>
        <translation>已领取</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="44" />
        <source>Delivered to the door</source>
        <translation>已送上门</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="210" />
        <source>This item is no longer waiting at the station.</source>
        <translation>此件已不在寄存点待取。</translation>
    </message>
</context>
<context>
    <name>ParcelsPanel</name>
    <message>
        <location filename="../../gui/parcels_panel.py" line="113" />
        <source>last 4 digits</source>
        <translation>后四位</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="115" />
        <source>e.g. A-3</source>
        <translation>如 A-3</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="116" />
        <source>Take in  [Enter]</source>
        <translation>收件  [Enter]</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="135" />
        <source>Kind [1–4]</source>
        <translation>类别 [1–4]</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="127" />
        <source>Carrier / platform</source>
        <translation>快递公司 / 平台</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="104" />
        <source>e.g. SF, JD</source>
        <translation>如 顺丰、京东</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="105" />
        <source>scan or type</source>
        <translation>扫码或输入</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="106" />
        <source>e.g. 3-2-501</source>
        <translation>如 3-2-501</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="128" />
        <source>Tracking / order no.</source>
        <translation>快递单号 / 订单号</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="129" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="130" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="131" />
        <source>Phone tail</source>
        <translation>手机尾号</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="132" />
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="133" />
        <source>Take in</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="150" />
        <source>pick-up code or room</source>
        <translation>取件码或房号</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="152" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="155" />
        <source>who collects</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="156" />
        <source>Collected</source>
        <translation>已领取</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="159" />
        <source>volunteer's name</source>
        <translation>志愿者姓名</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="160" />
        <source>Delivered to the door</source>
        <translation>已送上门</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="163" />
        <source>disinfectant, e.g. 含氯消毒液</source>
        <translation>消毒剂，如 含氯消毒液</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="164" />
        <source>Disinfect all new items</source>
        <translation>新到件统一消毒</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="167" />
        <source>Disinfect selected</source>
        <translation>消毒选中件</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="181" />
        <source>Hand out</source>
        <translation>取件 / 送货</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="200" />
        <source>Waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="201" />
        <source>Overdue</source>
        <translation>超时未取</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="202" />
        <source>Handed out today</source>
        <translation>今日已发放</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="204" />
        <source>Counts per day…</source>
        <translation>每日统计…</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="261" />
        <source>Today: {0} received, {1} handed out · waiting {2}, overdue {3}</source>
        <translation>今日：收件 {0}，已发放 {1} · 待取 {2}，超时 {3}</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="278" />
        <source>Pick-up code {0} · {1}</source>
        <translation>取件码 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="294" />
        <source>Nothing waiting for {0}.</source>
        <translation>{0} 没有待取的物品。</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="299" />
        <source>Choose an item in the list first.</source>
        <translation>请先在列表中选中一件。</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="316" />
        <source>Handed out: code {0} · {1} · {2}</source>
        <translation>已取走：取件码 {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../gui/parcels_panel.py" line="342" />
        <location filename="../../gui/parcels_panel.py" line="357" />
        <source>Disinfected {0} items.</source>
        <translation>已消毒 {0} 件。</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <location filename="../../gui/supervision_panel.py" line="62" />
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="62" />
        <source>Open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="62" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../gui/round_models.py" line="48" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="48" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="48" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="48" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="48" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="61" />
        <source> (not on the roster)</source>
        <translation>（不在名册）</translation>
    </message>
</context>
<context>
    <name>PhotosDialog</name>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="54" />
        <source>Photos of the visit</source>
        <translation>本次检查的照片</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="52" />
        <source>{0} · {1} photos</source>
        <translation>{0} · 照片 {1} 张</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="53" />
        <source>No photo yet: add one with Ctrl+P on the item it shows.</source>
        <translation>还没有照片：在照片对应的检查项上按 Ctrl+P 添加。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/photos_dialog.py" line="55" />
        <source>the visit</source>
        <translation>本次检查</translation>
    </message>
</context>
<context>
    <name>PinCheckDialog</name>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="54" />
        <source>Check in by name</source>
        <translation>按姓名签到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="64" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="65" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="66" />
        <source>Check in or out</source>
        <translation>签到或签退</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="470" />
        <source>New post</source>
        <translation>新岗位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="478" />
        <source>Held around the clock (shown first while short)</source>
        <translation>24 小时值守（缺人时优先显示）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="480" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="481" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="483" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>PosterDialog</name>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="36" />
        <source>Check-in posters</source>
        <translation>场所码海报</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="45" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="46" />
        <source>GateDesk venue code</source>
        <translation>门岗登记台场所码</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="47" />
        <source>The official venue code's text</source>
        <translation>官方场所码的文字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="48" />
        <source>A web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="55" />
        <source>The QR says</source>
        <translation>二维码内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="58" />
        <source>paste the text</source>
        <translation>粘贴码的文字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="59" />
        <source>Read from a picture…</source>
        <translation>从图片读取…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="67" />
        <source>e.g. 0591-12345</source>
        <translation>如 0591-12345</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="68" />
        <source>Hotline</source>
        <translation>防疫热线</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="71" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="79" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="80" />
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="81" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="87" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="120" />
        <source>No gates yet.</source>
        <translation>还没有门岗。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="167" />
        <source>A photo or scan of the official code</source>
        <translation>官方场所码的照片或扫描件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="168" />
        <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="182" />
        <source>Save the poster</source>
        <translation>保存海报</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="191" />
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="193" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/poster_dialog.py" line="201" />
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>Posters</name>
    <message>
        <location filename="../../models/gate/posters.py" line="56" />
        <source>{path} is not a picture GateDesk can open.</source>
        <translation>{path} 不是门岗登记台能打开的图片。</translation>
    </message>
    <message>
        <location filename="../../models/gate/posters.py" line="60" />
        <source>No QR code found in {path}. Photograph the code straight on, filling most of the picture.</source>
        <translation>在 {path} 中没有找到二维码。请正对二维码拍照，让它占满画面的大部分。</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="61" />
        <source>Paste the code's text, or read it from a picture.</source>
        <translation>请粘贴二维码的文字，或从图片中读取。</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="63" />
        <source>The code's text is longer than {n} characters.</source>
        <translation>二维码文字超过 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="66" />
        <source>A web address starts with http:// or https://.</source>
        <translation>网址应以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="73" />
        <source>Scan to register</source>
        <translation>扫码登记</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="74" />
        <source>Temperature check</source>
        <translation>测量体温</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="75" />
        <source>Wear a mask</source>
        <translation>佩戴口罩</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="76" />
        <source>Show your health code</source>
        <translation>出示健康码</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="77" />
        <source>Show a negative nucleic-acid result</source>
        <translation>出示核酸阴性证明</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="78" />
        <source>Show your itinerary card</source>
        <translation>出示行程卡</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="82" />
        <source>Register at the gate</source>
        <translation>请到门岗登记</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="83" />
        <source>The guard registers you</source>
        <translation>由门岗为您登记</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="84" />
        <source>Epidemic prevention · register before entering</source>
        <translation>疫情防控 · 先登记后进入</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="85" />
        <source>This code identifies the gate for inspectors; visitors need not scan it.</source>
        <translation>此码供核查人员核对本门岗，访客无需扫码。</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="162" />
        <source>Paper size must be A4 or A3.</source>
        <translation>纸张须为 A4 或 A3。</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="80" />
        <source>Please scan to register</source>
        <translation>请扫码登记</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="86" />
        <source>Epidemic prevention · one code per person · register before entering</source>
        <translation>疫情防控 · 一人一码 · 先登记后进入</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="87" />
        <source>Hotline: {0}</source>
        <translation>防疫热线：{0}</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="88" />
        <source>Venue {0} · printed {1}</source>
        <translation>场所编号 {0} · 打印于 {1}</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="89" />
        <source>GateDesk check-in poster · post at eye level beside the entrance</source>
        <translation>门岗登记台场所码 · 请张贴于入口旁醒目位置</translation>
    </message>
    <message>
        <location filename="../../models/gate/poster_layout.py" line="230" />
        <source>The poster file must end in .pdf or .png: {path}</source>
        <translation>海报文件名须以 .pdf 或 .png 结尾：{path}</translation>
    </message>
</context>
<context>
    <name>ProgressTableModel</name>
    <message>
        <location filename="../../gui/round_models.py" line="25" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="25" />
        <source>Due</source>
        <translation>应检</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="25" />
        <source>Sampled</source>
        <translation>已采</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="25" />
        <source>Exempt</source>
        <translation>免检</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="26" />
        <source>Missing</source>
        <translation>未检</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="26" />
        <source>At home</source>
        <translation>待上门</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="38" />
        <source>Bldg {0}</source>
        <translation>{0}号楼</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="38" />
        <source>All</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>Readiness</name>
    <message>
        <location filename="../../models/station/readiness.py" line="20" />
        <source>Gate staffed</source>
        <translation>门岗有人值守</translation>
    </message>
    <message>
        <location filename="../../models/station/readiness.py" line="21" />
        <source>Thermometer working</source>
        <translation>体温计正常</translation>
    </message>
    <message>
        <location filename="../../models/station/readiness.py" line="22" />
        <source>Isolation point ready and supplied</source>
        <translation>临时隔离点就绪、物资齐全</translation>
    </message>
    <message>
        <location filename="../../models/station/readiness.py" line="23" />
        <source>Drop-off station ready</source>
        <translation>寄存点就绪</translation>
    </message>
    <message>
        <location filename="../../models/station/readiness.py" line="24" />
        <source>Posters up</source>
        <translation>海报张贴到位</translation>
    </message>
    <message>
        <location filename="../../models/station/readiness.py" line="25" />
        <source>Masks, disinfectant and forms stocked</source>
        <translation>口罩、消毒液、登记表充足</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <location filename="../../gui/dialogs/readiness_dialog.py" line="17" />
        <source>Daily readiness check — {0}</source>
        <translation>每日检查 — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/readiness_dialog.py" line="21" />
        <source>Already ticked today; saving again records a new revision.</source>
        <translation>今天已检查过；再次保存将记为新版本。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/readiness_dialog.py" line="33" />
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../models/gate/rules.py" line="48" />
        <source>Fever: {temperature} °C (limit {limit} °C)</source>
        <translation>发热：{temperature} °C（标准 {limit} °C）</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="49" />
        <source>Red health code: hold and report at once</source>
        <translation>红码：就地管控并立即上报</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="50" />
        <source>Positive nucleic-acid result</source>
        <translation>核酸阳性</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="51" />
        <source>Yellow health code: report to the community</source>
        <translation>黄码：劝返并报告社区</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="52" />
        <source>No health code shown</source>
        <translation>未出示健康码</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="53" />
        <source>No nucleic-acid result</source>
        <translation>无核酸结果</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="54" />
        <source>Nucleic-acid test older than {hours} h</source>
        <translation>核酸超过 {hours} 小时</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="55" />
        <source>Risk-area stay or star on the itinerary card: report</source>
        <translation>到过中高风险地区或行程卡带星：劝返并上报</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="56" />
        <source>No mask</source>
        <translation>未戴口罩</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="57" />
        <source>Couriers and riders leave goods at the drop-off station</source>
        <translation>快递外卖人员不进小区，请放寄存点</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="61" />
        <source>Nucleic-acid test too old</source>
        <translation>核酸过期</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="63" />
        <source>All checks passed</source>
        <translation>各项查验通过</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="65" />
        <source>Admit</source>
        <translation>准许进入</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="66" />
        <source>Refuse entry</source>
        <translation>劝返</translation>
    </message>
    <message>
        <location filename="../../models/gate/rules.py" line="67" />
        <source>Send to the isolation point</source>
        <translation>送临时隔离点</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../models/trust/recovery.py" line="39" />
        <source>{label} (a community office)</source>
        <translation>{label}（社区办公室）</translation>
    </message>
    <message>
        <location filename="../../models/trust/recovery.py" line="42" />
        <source>This backup is of {theirs}, not of this station ({ours}). Restoring it would put another station's records and keys in place of this one's. If that is really meant, say so explicitly (--other-station).</source>
        <translation>这个备份属于 {theirs}，不是本工作站（{ours}）的。恢复它会用另一个工作站的记录和密钥替换本站的。如确实需要，请明确说明（--other-station）。</translation>
    </message>
</context>
<context>
    <name>RepeatsModel</name>
    <message>
        <location filename="../../gui/supervision_panel.py" line="92" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="92" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="92" />
        <source>Times found</source>
        <translation>发现次数</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="92" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="99" />
        <source>open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="99" />
        <source>put right</source>
        <translation>已整改</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../models/sync/people_logs.py" line="62" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="62" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="66" />
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="67" />
        <location filename="../../models/sync/people_logs.py" line="94" />
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="68" />
        <location filename="../../models/sync/people_logs.py" line="83" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="69" />
        <location filename="../../models/sync/people_logs.py" line="84" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="70" />
        <location filename="../../models/sync/people_logs.py" line="85" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="71" />
        <source>Coming from</source>
        <translation>从何处来</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="72" />
        <source>Going to</source>
        <translation>去往</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="73" />
        <location filename="../../models/sync/people_logs.py" line="87" />
        <source>Temperature °C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="74" />
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="75" />
        <source>Nucleic-acid test</source>
        <translation>核酸</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="76" />
        <source>Mask</source>
        <translation>口罩</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="77" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="78" />
        <location filename="../../models/sync/people_logs.py" line="86" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="79" />
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="82" />
        <source>Placed</source>
        <translation>安置时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="88" />
        <source>Handed to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="89" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="90" />
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="93" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="95" />
        <source>Carrier</source>
        <translation>快递公司 / 平台</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="96" />
        <source>Tracking number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="97" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="98" />
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="99" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="100" />
        <source>Disinfected</source>
        <translation>消毒时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="101" />
        <source>Handed out</source>
        <translation>发放时间</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="105" />
        <source>Visits</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="106" />
        <source>Isolation</source>
        <translation>隔离</translation>
    </message>
    <message>
        <location filename="../../models/sync/people_logs.py" line="107" />
        <source>Parcels</source>
        <translation>寄存</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="27" />
        <source>Registered</source>
        <translation>登记人次</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="28" />
        <source>Refused</source>
        <translation>劝返</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="29" />
        <source>Sent to isolation</source>
        <translation>送隔离点</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="30" />
        <source>Fevers</source>
        <translation>发热</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="31" />
        <source>Isolation cases opened</source>
        <translation>新增隔离</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="32" />
        <source>Isolation cases open</source>
        <translation>在隔离</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="33" />
        <source>Isolation cases closed</source>
        <translation>解除/转运</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="34" />
        <source>Parcels received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="35" />
        <source>Parcels waiting</source>
        <translation>待取</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="36" />
        <source>Parcels overdue</source>
        <translation>超时未取</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="37" />
        <source>Daily checks done</source>
        <translation>每日检查</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="43" />
        <location filename="../../models/office/reports.py" line="85" />
        <location filename="../../models/office/reports.py" line="114" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="43" />
        <location filename="../../models/office/reports.py" line="85" />
        <location filename="../../models/office/reports.py" line="114" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="43" />
        <location filename="../../models/office/reports.py" line="59" />
        <source>Gates</source>
        <translation>门岗数</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="50" />
        <location filename="../../models/office/reports.py" line="95" />
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="52" />
        <location filename="../../models/office/reports.py" line="68" />
        <location filename="../../models/office/reports.py" line="98" />
        <location filename="../../models/office/reports.py" line="120" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="59" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="63" />
        <source>Not placed in a unit</source>
        <translation>未归属单位</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="75" />
        <source>Due</source>
        <translation>应检</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="76" />
        <source>Sampled</source>
        <translation>已采</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="77" />
        <source>Exempt</source>
        <translation>免检</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="78" />
        <source>Missing</source>
        <translation>未检</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="79" />
        <source>Waiting at home</source>
        <translation>待上门</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="86" />
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="86" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="90" />
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="91" />
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="94" />
        <source>Building {0}</source>
        <translation>{0}号楼</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="104" />
        <source>Sampled at home</source>
        <translation>上门采样</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="105" />
        <source>Necessities delivered</source>
        <translation>送生活物资</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="106" />
        <source>Medicine delivered</source>
        <translation>送药</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="107" />
        <source>Home visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="115" />
        <source>On the register</source>
        <translation>在册人数</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="116" />
        <source>Still open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="126" />
        <source>Home services, {day}</source>
        <translation>上门服务台账（{day}）</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="130" />
        <source>Testing rounds, {day}</source>
        <translation>{day} 核酸检测轮次</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="134" />
        <source>{office} daily epidemic-control summary, {day}</source>
        <translation>{office} 疫情防控每日汇总（{day}）</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="135" />
        <source>Community office</source>
        <translation>社区办公室</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="147" />
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="151" />
        <location filename="../../models/office/reports.py" line="228" />
        <source>Gates reporting: {n} of {total}</source>
        <translation>已报送门岗：{n} / {total}</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="163" />
        <location filename="../../models/office/reports.py" line="270" />
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="184" />
        <source>Testing rounds</source>
        <translation>核酸检测轮次</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="188" />
        <location filename="../../models/office/reports.py" line="286" />
        <source>No round reported</source>
        <translation>未报送本轮次的小区</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="192" />
        <source>Home services</source>
        <translation>上门服务</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="201" />
        <source>Prepared by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="201" />
        <source>Checked by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="202" />
        <source>Telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="202" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="271" />
        <source>Every gate has reported for this day.</source>
        <translation>当日所有门岗均已报送。</translation>
    </message>
    <message>
        <location filename="../../models/office/reports.py" line="286" />
        <source>Every compound heard from has reported a round for this day.</source>
        <translation>已报送数据的小区当天均已报送核酸轮次。</translation>
    </message>
</context>
<context>
    <name>ResidentForm</name>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="426" />
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="435" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="436" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="437" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <location filename="../../models/residents/passes.py" line="128" />
        <source>This code is not a GateDesk pass, or it is damaged.</source>
        <translation>这不是门岗登记台的通行证，或已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="129" />
        <source>The pass's signature is wrong: the card is forged or altered. Register the person by hand and tell the office.</source>
        <translation>通行证签名不符：此卡系伪造或被改动。请人工登记此人，并报告社区。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="131" />
        <source>This pass was not issued here (another compound's card?).</source>
        <translation>此通行证不是本小区签发的（其他小区的卡？）。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="132" />
        <source>This pass was revoked on {date}: {reason}</source>
        <translation>此通行证已于 {date} 作废：{reason}</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="133" />
        <source>This pass expired on {date}. Issue a new one.</source>
        <translation>此通行证已于 {date} 过期。请补发新证。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="134" />
        <source>STOP: {name} ({room}) is in home isolation until {until}. They may not leave. Report to the community.</source>
        <translation>拦住：{name}（{room}）正在居家隔离，至 {until}。不得外出。请报告社区。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="136" />
        <source>STOP: {name} ({room}) is under home health monitoring until {until}. They may not leave. Report to the community.</source>
        <translation>拦住：{name}（{room}）正在居家健康监测，至 {until}。不得外出。请报告社区。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="138" />
        <source>{name} has moved out of the roster; the pass is no longer valid.</source>
        <translation>{name} 已不在住户名册中，通行证失效。</translation>
    </message>
    <message>
        <location filename="../../models/residents/passes.py" line="139" />
        <source>{name}: {temperature} °C is at or above {limit} °C. Not let in by pass: register them with the form, which asks for a re-measure.</source>
        <translation>{name}：{temperature} °C 达到或超过 {limit} °C。不能刷证进入：请用登记表登记，按提示复测。</translation>
    </message>
    <message>
        <location filename="../../models/residents/monitoring.py" line="17" />
        <source>home isolation</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <location filename="../../models/residents/monitoring.py" line="18" />
        <source>home health monitoring</source>
        <translation>居家健康监测</translation>
    </message>
    <message>
        <location filename="../../models/residents/monitoring.py" line="26" />
        <source>Home isolation or monitoring runs {low} to {high} days from today.</source>
        <translation>居家隔离或健康监测为自今天起 {low} 到 {high} 天。</translation>
    </message>
    <message>
        <location filename="../../models/residents/pass_sheet.py" line="19" />
        <source>Resident pass</source>
        <translation>住户通行证</translation>
    </message>
    <message>
        <location filename="../../models/residents/pass_sheet.py" line="20" />
        <source>Valid until {0}</source>
        <translation>有效期至 {0}</translation>
    </message>
    <message>
        <location filename="../../models/residents/pass_sheet.py" line="21" />
        <source>No. {0}</source>
        <translation>编号 {0}</translation>
    </message>
    <message>
        <location filename="../../models/residents/pass_sheet.py" line="22" />
        <source>Show at the gate · do not lend</source>
        <translation>进出门岗请出示 · 请勿转借</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster.py" line="218" />
        <source>Write the room as building-unit-room, e.g. 3-2-501.</source>
        <translation>房号请写成 楼-单元-室，如 3-2-501。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster.py" line="219" />
        <source>Enter the resident's name.</source>
        <translation>请输入住户姓名。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster.py" line="220" />
        <source>Not a mainland mobile number (11 digits starting with 1).</source>
        <translation>不是大陆手机号（以 1 开头的 11 位数字）。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster_file.py" line="28" />
        <source>Wrong passphrase, or the file is damaged.</source>
        <translation>口令不对，或文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster_file.py" line="29" />
        <source>This is not a GateDesk roster file.</source>
        <translation>这不是门岗登记台的住户名册文件。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster_file.py" line="30" />
        <source>This roster is for {theirs}; this gate belongs to {ours}.</source>
        <translation>此名册属于 {theirs}；本门岗属于 {ours}。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster_file.py" line="31" />
        <source>This gate has already printed passes with its own key; they would stop working. Load the roster before printing passes here, or reprint them.</source>
        <translation>本门岗已用自己的密钥打印过通行证，载入后它们将失效。请在本门岗打印通行证之前载入名册，或载入后重新打印。</translation>
    </message>
    <message>
        <location filename="../../models/residents/roster_file.py" line="33" />
        <source>Use a passphrase of at least 8 characters.</source>
        <translation>口令至少需要 8 个字符。</translation>
    </message>
</context>
<context>
    <name>ResidentsDialog</name>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="83" />
        <source>Residents and passes</source>
        <translation>住户与通行证</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="87" />
        <source>Import from a sheet…</source>
        <translation>从表格导入…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="88" />
        <source>Issue passes to everyone without one</source>
        <translation>为没有通行证的住户签发</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="91" />
        <source>Print passes…</source>
        <translation>打印通行证…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="92" />
        <source>Save passes as PDF…</source>
        <translation>通行证存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="93" />
        <source>For the other gates…</source>
        <translation>给本小区其他门岗…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="94" />
        <source>Save the roster and the pass key for the compound's other gates</source>
        <translation>为本小区其他门岗保存住户名册和通行证密钥</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="95" />
        <source>From another gate…</source>
        <translation>从其他门岗载入…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="96" />
        <source>The office's home monitoring list…</source>
        <translation>社区的居家管控名单…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="97" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="112" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="113" />
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="114" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="349" />
        <source>Moved out</source>
        <translation>已搬离</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="115" />
        <source>Print this household's passes…</source>
        <translation>打印本户通行证…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="116" />
        <source>Reissue the pass (lost card)…</source>
        <translation>补发通行证（卡丢失）…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="117" />
        <source>Revoke the pass…</source>
        <translation>作废通行证…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="118" />
        <source>Home isolation or monitoring…</source>
        <translation>居家隔离或监测…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="119" />
        <source>End home isolation or monitoring</source>
        <translation>结束居家隔离或监测</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="163" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="175" />
        <source>The property office's resident list</source>
        <translation>物业的住户名单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="176" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="217" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="211" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="228" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="321" />
        <source>Could not read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="197" />
        <source>{0} residents added from {1}.</source>
        <translation>已从 {1} 添加 {0} 位住户。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="184" />
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="190" />
        <source>Importing the resident list {0}…</source>
        <translation>正在导入住户名单 {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="199" />
        <source>no room and name columns</source>
        <translation>没有房号和姓名列</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="199" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="230" />
        <source>room not understood</source>
        <translation>房号无法识别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="200" />
        <source>not a mobile number</source>
        <translation>不是手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="200" />
        <source>no name</source>
        <translation>没有姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="201" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="232" />
        <source>unreadable characters</source>
        <translation>含无法识别的字符</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="202" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="236" />
        <source>Not read: {0}</source>
        <translation>未读入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="203" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="237" />
        <source>row {0} ({1})</source>
        <translation>第 {0} 行（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="216" />
        <source>The office's home monitoring list</source>
        <translation>社区的居家管控名单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="230" />
        <source>no room, name, kind and until columns</source>
        <translation>没有房号、姓名、类型和截止日期列</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="231" />
        <source>kind not 居家隔离 or 居家健康监测</source>
        <translation>类型不是居家隔离或居家健康监测</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="231" />
        <source>no end day</source>
        <translation>没有截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="232" />
        <source>nobody of that name in that room</source>
        <translation>该房号没有此姓名的住户</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="233" />
        <source>{0} residents put under home isolation or monitoring from {1}.</source>
        <translation>已按 {1} 将 {0} 位住户列入居家隔离或监测。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="243" />
        <source>{0} passes issued.</source>
        <translation>已签发 {0} 张通行证。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="250" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="362" />
        <source>No valid passes to print. Issue passes first.</source>
        <translation>没有可打印的有效通行证。请先签发。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="257" />
        <source>Resident passes</source>
        <translation>住户通行证</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="258" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="366" />
        <source>{0} passes sent to the printer.</source>
        <translation>已将 {0} 张通行证发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="264" />
        <source>Save the passes</source>
        <translation>保存通行证</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="271" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="301" />
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="273" />
        <source>Saved {0} ({1} passes).</source>
        <translation>已保存 {0}（{1} 张通行证）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="282" />
        <source>For the other gates</source>
        <translation>给本小区其他门岗</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="283" />
        <source>A passphrase (8 characters or more), to tell the other gate's administrator by phone — not to write on the stick:</source>
        <translation>设置口令（至少 8 个字符），电话告知对方门岗的管理员——不要写在 U 盘上：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="287" />
        <source>The passphrase again:</source>
        <translation>再输入一次口令：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="288" />
        <source>The two passphrases are not the same.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="291" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="309" />
        <source>GateDesk roster (*{0})</source>
        <translation>门岗登记台住户名册 (*{0})</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="303" />
        <source>Saved {0} ({1} records). Load it at the other gates (Residents ▸ From another gate…) with the same passphrase.</source>
        <translation>已保存 {0}（{1} 条记录）。请在其他门岗用同一口令载入（住户与通行证 ▸ 从其他门岗载入…）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="308" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="312" />
        <source>From another gate</source>
        <translation>从其他门岗载入</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="312" />
        <source>The passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="323" />
        <source>{0} records taken. Passes printed at the other gate now work here.</source>
        <translation>已载入 {0} 条记录。其他门岗打印的通行证在本门岗也可使用。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="350" />
        <source>Take {0} ({1}) off the roster? Their pass stops working.</source>
        <translation>将 {0}（{1}）移出名册吗？其通行证将失效。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="369" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="375" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="386" />
        <source>Choose a resident who has a pass.</source>
        <translation>请选择一位有通行证的住户。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="377" />
        <source>Reissue the pass</source>
        <translation>补发通行证</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="380" />
        <source>The old card no longer works; print the new one.</source>
        <translation>旧卡已失效；请打印新卡。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="388" />
        <source>Revoke the pass</source>
        <translation>作废通行证</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="347" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="358" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="396" />
        <source>Choose a resident first.</source>
        <translation>请先选择一位住户。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="398" />
        <source>home isolation</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="398" />
        <source>home health monitoring</source>
        <translation>居家健康监测</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="399" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="403" />
        <location filename="../../gui/dialogs/residents_dialog.py" line="416" />
        <source>At home under</source>
        <translation>居家管理</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="399" />
        <source>Which</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="403" />
        <source>For how many days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="414" />
        <source>Choose a resident under home isolation or monitoring.</source>
        <translation>请选择一位正在居家隔离或监测的住户。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="416" />
        <source>End it now?</source>
        <translation>现在结束吗？</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="13" />
        <source>Registration in full</source>
        <translation>完整登记信息</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="16" />
        <source>This view has been recorded in the audit log.</source>
        <translation>本次查看已记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="21" />
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="22" />
        <source>Who</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="23" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="24" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="25" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="26" />
        <source>Coming from</source>
        <translation>从何处来</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="27" />
        <source>Going to</source>
        <translation>去往</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="28" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="29" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="30" />
        <source>Temperature °C</source>
        <translation>体温 °C</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="31" />
        <source>Decision</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/reveal_dialog.py" line="32" />
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="106" />
        <source>Check-ins to review</source>
        <translation>待复核的签到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="115" />
        <source>Really left at</source>
        <translation>实际离岗时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="117" />
        <source>Set this time</source>
        <translation>按此时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="120" />
        <source>Confirm the shift's end</source>
        <translation>确认按班次结束</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="137" />
        <source>{0} · {1} {2} · came {3}, closed {4}</source>
        <translation>{0} · {1} {2} · {3} 到岗，{4} 关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="166" />
        <source>Reviewed.</source>
        <translation>已复核。</translation>
    </message>
</context>
<context>
    <name>RosterTableModel</name>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="49" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="49" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="49" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="49" />
        <source>Pass valid until</source>
        <translation>通行证有效期至</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="50" />
        <source>At home under</source>
        <translation>居家管理</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="67" />
        <source>no pass</source>
        <translation>无通行证</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="69" />
        <source>home isolation</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="70" />
        <source>home health monitoring</source>
        <translation>居家健康监测</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/residents_dialog.py" line="71" />
        <source>{0} until {1}</source>
        <translation>{0}，至 {1}</translation>
    </message>
</context>
<context>
    <name>RotaDialog</name>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="196" />
        <source>Rota</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="199" />
        <source>1 People</source>
        <translation>1 人员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="200" />
        <source>2 Shifts</source>
        <translation>2 班次</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="218" />
        <source>Print their card…</source>
        <translation>打印值守卡…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="221" />
        <source>Off the rota</source>
        <translation>移出排班</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="238" />
        <source>e.g. 区法院</source>
        <translation>如 区法院</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="251" />
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="252" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="253" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="254" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="255" />
        <source>Sent by</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="256" />
        <source>Takes</source>
        <translation>可承担岗位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="257" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="258" />
        <source>Add to the rota</source>
        <translation>加入排班名单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="271" />
        <source>{0} is on the rota.</source>
        <translation>{0} 已加入排班名单。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="283" />
        <location filename="../../gui/dialogs/duty_dialogs.py" line="298" />
        <source>Choose someone in the list first.</source>
        <translation>请先在列表中选一个人。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="293" />
        <source>Duty card</source>
        <translation>值守卡</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="301" />
        <source>{0} is off the rota.</source>
        <translation>{0} 已移出排班。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="312" />
        <source>New post…</source>
        <translation>新岗位…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="333" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="333" />
        <source>From</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="334" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="335" />
        <source>Times</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="335" />
        <source>Least</source>
        <translation>最少</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="336" />
        <source>Most</source>
        <translation>最多</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="342" />
        <source>Plan</source>
        <translation>安排</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="357" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="363" />
        <source>Put on the shift</source>
        <translation>排入该班次</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="370" />
        <source>Print the week's rota…</source>
        <translation>打印本周排班表…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="375" />
        <source>Week's sheet for the unit…</source>
        <translation>派出单位周报表…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="397" />
        <source>Post {0} added: plan its shifts.</source>
        <translation>已添加岗位 {0}：请安排其班次。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="403" />
        <source>Add a post first (New post…).</source>
        <translation>请先添加岗位（新岗位…）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="410" />
        <source>{0} shifts planned.</source>
        <translation>已安排 {0} 个班次。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="416" />
        <source>Choose a shift in the list and a person.</source>
        <translation>请在列表中选一个班次，并选一个人。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="421" />
        <source>On the reserve list: the shift is full.</source>
        <translation>班次已满：已列入候补。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="422" />
        <source>Put on the shift.</source>
        <translation>已排入该班次。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="429" />
        <source>Duty rota</source>
        <translation>值守排班表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="434" />
        <source>Nobody is on the rota yet.</source>
        <translation>排班名单上还没有人。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="437" />
        <source>Save the week's sheet</source>
        <translation>保存周报表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="438" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="443" />
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
</context>
<context>
    <name>RotaHold</name>
    <message>
        <location filename="../../gui/dialogs/rota_hold.py" line="29" />
        <source>The gate is held by the rota: scan your duty card to check in.</source>
        <translation>本门岗由居民轮值值守：请扫描值守卡签到。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rota_hold.py" line="33" />
        <source>Check in by name… [F3]</source>
        <translation>按姓名签到… [F3]</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/rota_hold.py" line="70" />
        <source>Nobody on the gate rota has a PIN: scan your duty card, or a supervisor signs in.</source>
        <translation>门岗轮值人员都没有设置 PIN：请扫描值守卡，或由主管登录。</translation>
    </message>
</context>
<context>
    <name>RotaPeopleModel</name>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="174" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="174" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="174" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="174" />
        <source>Sent by</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="174" />
        <source>Posts</source>
        <translation>岗位</translation>
    </message>
</context>
<context>
    <name>RotaTableModel</name>
    <message>
        <location filename="../../gui/duty_models.py" line="24" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="24" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="24" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="24" />
        <source>Here</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="24" />
        <source>On the rota</source>
        <translation>排班人员</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="25" />
        <source>Not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="45" />
        <source> (+{0} reserve)</source>
        <translation>（另候补 {0} 人）</translation>
    </message>
    <message>
        <location filename="../../gui/duty_models.py" line="51" />
        <source>Short of {0}</source>
        <translation>缺 {0} 人</translation>
    </message>
</context>
<context>
    <name>RoundCorrectionDialog</name>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="28" />
        <source>Correct a closed testing round</source>
        <translation>更正已结束的核酸轮次</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="39" />
        <source>Room (6-1-602) or name</source>
        <translation>房号（6-1-602）或姓名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="51" />
        <source>Sampled (where)</source>
        <translation>采样情况</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="52" />
        <source>Reason not sampled</source>
        <translation>未采原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="58" />
        <source>Why (e.g. written on the paper sheet, scanned the wrong person)</source>
        <translation>原因（如：纸质台账已登记、扫错了人）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="59" />
        <source>What</source>
        <translation>更正项</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="60" />
        <source>Becomes</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="61" />
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="65" />
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="75" />
        <source>No testing round has been closed yet.</source>
        <translation>还没有已结束的核酸轮次。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="93" />
        <source>At home</source>
        <translation>入户采样</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="94" />
        <source>Not sampled</source>
        <translation>未采样</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="98" />
        <source>No reason</source>
        <translation>无原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="112" />
        <source>Find the person's line first (room or name).</source>
        <translation>请先按房号或姓名找到此人。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="114" />
        <source>A supervisor corrects a closed round.</source>
        <translation>更正已结束的轮次需要主管。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_correction_dialog.py" line="126" />
        <source>Corrected: {0}-{1}-{2} {3}</source>
        <translation>已更正：{0}-{1}-{2} {3}</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="15" />
        <source>Disinfection round</source>
        <translation>消毒记录</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="22" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="22" />
        <source>Isolation point</source>
        <translation>临时隔离点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="22" />
        <source>Drop-off station</source>
        <translation>寄存点</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="23" />
        <source>Lifts and stairs</source>
        <translation>电梯和楼梯</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="23" />
        <source>Bins</source>
        <translation>垃圾桶</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="26" />
        <source>e.g. 含氯消毒液 500 mg/L</source>
        <translation>如 含氯消毒液 500 mg/L</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="29" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="30" />
        <source>Disinfectant</source>
        <translation>消毒剂</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/round_dialog.py" line="31" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Rounds</name>
    <message>
        <location filename="../../models/rounds/rounds.py" line="36" />
        <source>Away from home</source>
        <translation>外出不在家</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="37" />
        <source>Tested elsewhere (proof seen)</source>
        <translation>已在他处检测（已查看证明）</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="38" />
        <source>In hospital</source>
        <translation>住院</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="39" />
        <source>Refused to be tested</source>
        <translation>拒绝检测</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="64" />
        <source>A testing round is already open ({title}); close it first.</source>
        <translation>已有进行中的核酸轮次（{title}），请先结束它。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="65" />
        <source>No testing round is open.</source>
        <translation>当前没有进行中的核酸轮次。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="66" />
        <source>This round is closed; change it through a correction with a reason.</source>
        <translation>本轮次已结束；如需修改，请填写原因进行更正。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="67" />
        <source>This person is not in the round.</source>
        <translation>此人不在本轮次名单中。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="68" />
        <source>Nobody on the roster lives in the buildings chosen.</source>
        <translation>所选楼栋在住户名册中没有住户。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="135" />
        <source>Name at least one sampling point.</source>
        <translation>请至少填写一个采样点。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="137" />
        <source>At most {max} sampling points.</source>
        <translation>采样点最多 {max} 个。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="141" />
        <source>Tick at least one building.</source>
        <translation>请至少勾选一栋楼。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="144" />
        <source>Not a building on the roster: {names}</source>
        <translation>住户名册中没有这些楼栋：{names}</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="181" />
        <source>{who}: away, tested elsewhere or in hospital excuse someone; nothing else does.</source>
        <translation>{who}：只有外出、已在他处检测、住院可以免检，其他原因不能免检。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="187" />
        <source>{who}: write where and when they were tested (the proof seen), in at most 100 characters.</source>
        <translation>{who}：请写明在何时何地检测（所见证明），不超过 100 字。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="191" />
        <source>Not due in this round: {names}</source>
        <translation>不在本轮应检名单中：{names}</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="251" />
        <location filename="../../models/rounds/rounds.py" line="405" />
        <source>Choose one of the round's sampling points.</source>
        <translation>请选择本轮次的一个采样点。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="294" />
        <source>Write the room as building-unit-room, e.g. 3-2-501.</source>
        <translation>房号请写成 楼-单元-室，如 3-2-501。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="336" />
        <location filename="../../models/rounds/rounds.py" line="407" />
        <source>Choose a reason.</source>
        <translation>请选择原因。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="338" />
        <source>Write where and when they were tested (the proof seen).</source>
        <translation>请写明在何处、何时检测（所查看的证明）。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="351" />
        <location filename="../../models/rounds/rounds.py" line="419" />
        <source>Already sampled in this round.</source>
        <translation>本轮次已采样。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="396" />
        <source>The round is still open: change the line itself.</source>
        <translation>本轮次尚未结束：请直接修改该条记录。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="14" />
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="14" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="15" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="15" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="16" />
        <source>Called</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="16" />
        <source>Sampled</source>
        <translation>已采</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="17" />
        <source>Not sampled: why</source>
        <translation>未采原因</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="18" />
        <source>{compound} · {round} · building {building} call sheet</source>
        <translation>{compound} · {round} · {building}号楼 呼叫单</translation>
    </message>
    <message>
        <location filename="../../models/rounds/call_sheet.py" line="19" />
        <source>{day} · page {page} of {pages} · {count} people · names masked; already sampled are ticked</source>
        <translation>{day} · 第 {page}/{pages} 页 · 共 {count} 人 · 姓名已脱敏；已采样者已打勾</translation>
    </message>
    <message>
        <location filename="../../models/rounds/round_file.py" line="40" />
        <source>row {row} ({said})</source>
        <translation>第 {row} 行（{said}）</translation>
    </message>
    <message>
        <location filename="../../models/rounds/round_file.py" line="41" />
        <source>{who} (not due at this gate)</source>
        <translation>{who}（不在本门岗应检名单）</translation>
    </message>
    <message>
        <location filename="../../models/rounds/round_file.py" line="44" />
        <source>{name} has no columns for the round's name, day and sampling points (轮次名称, 日期, 采样点).</source>
        <translation>{name} 中没有轮次名称、日期、采样点这几列。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/round_file.py" line="46" />
        <source>{name} names no round under its headings.</source>
        <translation>{name} 的表头下没有轮次。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/round_file.py" line="47" />
        <source>The round's row of {name} could not be read (its encoding).</source>
        <translation>{name} 中轮次那一行无法读取（编码问题）。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/round_file.py" line="48" />
        <source>{name}: “{text}” is not a day (write it as 2026-12-03).</source>
        <translation>{name}：“{text}”不是日期（请写成 2026-12-03）。</translation>
    </message>
</context>
<context>
    <name>RoundsTableModel</name>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="97" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="97" />
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="97" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="112" />
        <source> (closed)</source>
        <translation>（已结束）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="112" />
        <source> (under way)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="114" />
        <source>Building {0}</source>
        <translation>{0}号楼</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="114" />
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="24" />
        <source>Office database on a server</source>
        <translation>服务器上的办公室数据库</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="27" />
        <source>Several office PCs can share one office database on a PostgreSQL server. Your district's IT staff give you its address. The password is not saved.</source>
        <translation>多台办公室电脑可以共用 PostgreSQL 服务器上的同一个办公室数据库。地址由区里的信息技术人员提供。密码不会保存。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="34" />
        <source>Server (name or address)</source>
        <translation>服务器（名称或地址）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="35" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="36" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="37" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="38" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server_dialog.py" line="46" />
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="34" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="42" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="46" />
        <source>Take temperatures</source>
        <translation>测温</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="47" />
        <source>Re-measure a high first reading</source>
        <translation>初测偏高时复测</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="48" />
        <source>Check the health code</source>
        <translation>查验健康码</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="49" />
        <source>Check nucleic-acid tests</source>
        <translation>查验核酸</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="50" />
        <source>Residents must show a test too</source>
        <translation>居民也需出示核酸</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="51" />
        <source>Ask about risk areas / itinerary card</source>
        <translation>询问中高风险地区 / 查行程卡</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="52" />
        <source>Masks are required</source>
        <translation>必须戴口罩</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="53" />
        <source>Phone number required (non-residents)</source>
        <translation>非居民须登记手机号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="54" />
        <source>ID number required (visitors, workers)</source>
        <translation>访客、工作人员须登记身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="55" />
        <source>Visitors name a room and a host</source>
        <translation>访客须登记去往房号和被访人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="56" />
        <source>Couriers may enter</source>
        <translation>快递外卖人员可进入</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="57" />
        <source>Sign out everyone automatically each day</source>
        <translation>每天定时自动签离</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="58" />
        <source>The residents' rota holds the gate (no property company): whoever checks in at a gate post is on duty</source>
        <translation>由居民轮值值守门岗（无物业小区）：在门岗签到的人即为当班值守</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="72" />
        <source>The ID card reader types</source>
        <translation>身份证阅读器输出格式</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="79" />
        <source>Fever at or above (°C)</source>
        <translation>发热标准（°C，含）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="84" />
        <source>Test valid for (hours)</source>
        <translation>核酸有效期（小时）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="88" />
        <source>Automatic sign-out at</source>
        <translation>自动签离时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="93" />
        <source>On duty: late after (minutes)</source>
        <translation>值守：超过多少分钟算迟到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="98" />
        <source>On duty: close a forgotten check-in after its shift (hours)</source>
        <translation>值守：班次结束多少小时后自动关闭未签退</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="105" />
        <source>Night hours on duty count (×)</source>
        <translation>值守夜间时长系数（倍）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="110" />
        <source>Keep personal data for (days)</source>
        <translation>个人信息保留天数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="113" />
        <source>the data folder's backups (e.g. a second disk is safer)</source>
        <translation>数据文件夹下的 backups（放到另一块硬盘更安全）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="115" />
        <source>Daily backup to</source>
        <translation>每日备份位置</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="120" />
        <source>Daily backups kept</source>
        <translation>保留每日备份（份）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="124" />
        <source>Backups: this office's database is on a server, which keeps its own (pg_dump; see the README).</source>
        <translation>备份：本办公室的数据库在服务器上，由服务器自行备份（pg_dump，见 README）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="132" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="134" />
        <source>Lock when untouched for (minutes)</source>
        <translation>无操作多久后锁定（分钟）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="137" />
        <source>e.g. 08:00, 20:00 (empty: no shift lock)</source>
        <translation>例如 08:00, 20:00（留空：换班不锁定）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="138" />
        <source>Lock for sign-in at shift changes</source>
        <translation>换班时锁定并要求登录</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="139" />
        <source>Import from a gate never seen before without enrolling it (small communities only)</source>
        <translation>未备案的新门岗也直接导入（仅限小社区）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="143" />
        <source>Off: a new gate's bundles wait until an administrator has checked its key fingerprint against its set-up sheet.</source>
        <translation>关闭时：新门岗的数据包要等管理员对照其设置单核对密钥指纹后才导入。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/settings_dialog.py" line="197" />
        <source>“{0}” is not a time of day; write shift changes like 08:00, 20:00.</source>
        <translation>“{0}”不是一天中的时间，请按 08:00, 20:00 这样填写换班时间。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="25" />
        <source>Set up GateDesk</source>
        <translation>设置门岗登记台</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="28" />
        <source>Welcome. Tell GateDesk which compound and gate this computer serves, and who administers it. Fields marked * are required.</source>
        <translation>欢迎使用。请填写这台电脑所在的小区和门岗，以及管理员。带 * 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="32" />
        <source>This computer is at a gate of a compound</source>
        <translation>这台电脑在小区门岗</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="33" />
        <source>This computer is at the community office (it imports the gates' bundles)</source>
        <translation>这台电脑在社区办公室（导入各门岗的数据包）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="51" />
        <location filename="../../gui/dialogs/setup_dialog.py" line="96" />
        <source>Compound name *</source>
        <translation>小区名称 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="52" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="54" />
        <source>Community (社区)</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="53" />
        <source>Grid (网格)</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="36" />
        <source>This computer is a supervision team's (督导组): it visits compounds</source>
        <translation>本机属于督导组：到小区检查</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="55" />
        <source>Sub-district (街道)</source>
        <translation>所属街道</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="56" />
        <source>District (区)</source>
        <translation>所属区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="57" />
        <source>This gate *</source>
        <translation>本门岗名称 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="58" />
        <source>Administrator's name *</source>
        <translation>管理员姓名 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="59" />
        <source>Administrator's PIN (4–12 digits) *</source>
        <translation>管理员 PIN（4–12 位数字）*</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="60" />
        <source>PIN again *</source>
        <translation>再次输入 PIN *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="72" />
        <source>The office's database: on this computer.</source>
        <translation>办公室数据库：在本机。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="75" />
        <source>The office database is on a server…</source>
        <translation>办公室数据库在服务器上…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="95" />
        <source>Office name *</source>
        <translation>办公室名称 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="95" />
        <source>Team name *</source>
        <translation>督导组名称 *</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="117" />
        <source>The office's database: on the server {0}.</source>
        <translation>办公室数据库：在服务器 {0} 上。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="128" />
        <source>Office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_dialog.py" line="133" />
        <source>Supervision team</source>
        <translation>督导组</translation>
    </message>
</context>
<context>
    <name>SetupSheet</name>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="16" />
        <source>GateDesk set-up sheet</source>
        <translation>门岗登记台 设置单</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="17" />
        <source>For the community office: enroll this gate</source>
        <translation>交社区办公室：备案此门岗</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="18" />
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="20" />
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="21" />
        <source>Sub-district</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="22" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="23" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="24" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="25" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="26" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="28" />
        <source>The office imports this gate's bundles only once it has enrolled the gate. When its first bundle arrives, GateDesk at the office shows the compound, the gate and a key fingerprint: enroll it only if that fingerprint is the one printed above (or run: import --enroll {fingerprint} ...). If they differ, do not enroll it, and call the gate.</source>
        <translation>办公室备案此门岗之后，才会导入它的数据包。第一个数据包到达时，办公室的门岗登记台会显示小区、门岗和密钥指纹：只有与上面印的指纹一致时才备案（或运行：import --enroll {fingerprint} ...）。如果不一致，不要备案，并给门岗打电话。</translation>
    </message>
    <message>
        <location filename="../../models/sync/setup_sheet.py" line="33" />
        <source>Printed {day}. This sheet holds no personal data.</source>
        <translation>打印于 {day}。本单不含个人信息。</translation>
    </message>
</context>
<context>
    <name>SetupSheetDialog</name>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="18" />
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="46" />
        <source>Set-up sheet</source>
        <translation>设置单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="20" />
        <source>The community office imports this gate's bundles once it has enrolled the gate by this fingerprint. Print this sheet for the office, or read the fingerprint to them over the phone.</source>
        <translation>社区办公室按此指纹备案本门岗后，才会导入本门岗的数据包。请把此单打印给办公室，或在电话中把指纹念给他们。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="33" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="34" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="35" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="49" />
        <source>Save the set-up sheet</source>
        <translation>保存设置单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="50" />
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="57" />
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_sheet_dialog.py" line="59" />
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
</context>
<context>
    <name>SheetPreviewDialog</name>
    <message>
        <location filename="../../gui/dialogs/sheet_preview_dialog.py" line="29" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sheet_preview_dialog.py" line="57" />
        <source>{0} rows cannot be used and are left out:</source>
        <translation>有 {0} 行无法使用，不会导入：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sheet_preview_dialog.py" line="62" />
        <source>… and {0} more</source>
        <translation>……另有 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sheet_preview_dialog.py" line="65" />
        <source>Load</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <location filename="../../models/formats/sheets.py" line="27" />
        <source>{name} is too large to be a list of residents ({size}). Nothing was read from it.</source>
        <translation>{name} 太大，不可能是住户名单（{size}）。未读取其中任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/formats/sheets.py" line="29" />
        <source>{name} is not a spreadsheet GateDesk can read ({detail}). Save it again from Excel as .xlsx or as CSV.</source>
        <translation>{name} 不是门岗登记台能读取的表格（{detail}）。请在 Excel 中另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <location filename="../../models/formats/sheets.py" line="31" />
        <source>{name} has more than {limit} rows. Split it, or ask for the list of this compound only.</source>
        <translation>{name} 超过 {limit} 行。请拆分，或只要本小区的名单。</translation>
    </message>
    <message>
        <location filename="../../models/formats/sheets.py" line="33" />
        <source>{name} could not be opened: {detail}</source>
        <translation>无法打开 {name}：{detail}</translation>
    </message>
</context>
<context>
    <name>ShiftChoiceDialog</name>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="76" />
        <source>Which shift?</source>
        <translation>哪个班次？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="78" />
        <source>These shifts have room now:</source>
        <translation>以下班次现在还有空位：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/duty_dialogs.py" line="89" />
        <source>Check in to this shift</source>
        <translation>签到到该班次</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="71" />
        <source>Hand over the gate</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="71" />
        <source>Sign in</source>
        <translation>上岗签到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="74" />
        <source>The next operator signs in; the records that follow carry their name.</source>
        <translation>接班人员签到；之后的登记都记在其名下。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="75" />
        <source>Choose your name and type your PIN to start your shift.</source>
        <translation>选择您的姓名并输入 PIN，开始值班。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_in_dialog.py" line="90" />
        <source>Loading the names…</source>
        <translation>正在读取名单…</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="21" />
        <source>Sign off the visit</source>
        <translation>检查签字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="39" />
        <source>e.g. the property company's name</source>
        <translation>例如：物业公司名称</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="40" />
        <source>Who must put it right</source>
        <translation>整改责任方</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="41" />
        <source>Its name</source>
        <translation>责任方名称</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="44" />
        <source>e.g. the property manager on duty</source>
        <translation>例如：值班的物业经理</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="47" />
        <source>Whom the team met</source>
        <translation>现场对接人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="48" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="54" />
        <source>Once signed off, the visit cannot be changed.</source>
        <translation>签字后，本次检查不能再修改。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="58" />
        <source>Sign off</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="68" />
        <source>{0}: {1} of {2} findings put right; the others stay open.</source>
        <translation>{0}：{2} 个问题中已整改 {1} 个；其余仍未整改。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="72" />
        <source>{0}: {1} items are not answered yet.</source>
        <translation>{0}：还有 {1} 项未检查。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="73" />
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="73" />
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="74" />
        <source>score {0}, pass mark {1}, </source>
        <translation>得分 {0}，合格分 {1}，</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="76" />
        <source> A veto item failed: {0}.</source>
        <translation>否决项不合格：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="77" />
        <source>{0}: {1}{2}. {3} failed items become findings.{4}</source>
        <translation>{0}：{1}{2}。{3} 项不合格，将列为问题。{4}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="87" />
        <source>Signed off: {0} findings put right.</source>
        <translation>已签字：{0} 个问题已整改。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/sign_off_dialog.py" line="89" />
        <source>Signed off: {0} new findings, {1} re-opened, {2} found again.</source>
        <translation>已签字：新问题 {0} 个，重新打开 {1} 个，再次发现 {2} 个。</translation>
    </message>
</context>
<context>
    <name>Staffing</name>
    <message>
        <location filename="../../models/staffing/duty.py" line="37" />
        <source>This code is not a GateDesk duty card, or it is damaged.</source>
        <translation>这不是门岗登记台的值守卡，或卡已损坏。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="38" />
        <source>The card's signature is wrong: it is forged or altered. Tell a supervisor.</source>
        <translation>卡的签名不对：卡被伪造或篡改。请告知主管。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="40" />
        <source>This duty card was not issued here.</source>
        <translation>这张值守卡不是本小区发的。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="41" />
        <source>This card was replaced by a newer one (card no. {number}). Use the new card.</source>
        <translation>这张卡已被新卡（第 {number} 张）取代，请用新卡。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="43" />
        <source>{name} is no longer on the rota.</source>
        <translation>{name} 已不在排班名单上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="44" />
        <source>{name} has no shift now. Choose a shift that needs people, or ask a supervisor.</source>
        <translation>{name} 现在没有班次。请选一个缺人的班次，或找主管。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="46" />
        <source>This shift has all the people it takes; {name} is on its reserve list.</source>
        <translation>该班次人数已满；{name} 在候补名单上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="48" />
        <source>Wrong PIN.</source>
        <translation>PIN 不对。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="49" />
        <source>{name} has no PIN: check in with the card, or ask a supervisor.</source>
        <translation>{name} 没有设置 PIN：请刷卡签到，或找主管。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="50" />
        <source>{name}'s shift now is at {post}, not at the gate: it does not open the gate PC. Check in on the Duty tab once someone is on duty.</source>
        <translation>{name} 当前的班次在{post}，不在门岗：不能用来解锁门岗电脑。请待有人当班后在“值守”页签到。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="52" />
        <source>This gate is not held by the rota: sign in with your PIN. (An administrator turns it on in Settings.)</source>
        <translation>本门岗不由居民轮值值守：请用 PIN 登录。（管理员可在“设置”中开启。）</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="210" />
        <source>This check-in is not closed.</source>
        <translation>这条签到尚未结束。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/duty.py" line="213" />
        <source>The time out must be after they came and not later than now.</source>
        <translation>签退时间须在到岗之后，且不晚于现在。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="133" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="133" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="134" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="135" />
        <location filename="../../models/staffing/rota_sheet.py" line="14" />
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="135" />
        <location filename="../../models/staffing/rota_sheet.py" line="14" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="136" />
        <source>Came</source>
        <translation>到岗</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="136" />
        <source>Left</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="137" />
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="137" />
        <source>Night minutes</source>
        <translation>夜间分钟</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="138" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="139" />
        <source>late {minutes} min</source>
        <translation>迟到 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="140" />
        <source>closed on its own</source>
        <translation>自动关闭</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="141" />
        <source>did not come</source>
        <translation>未到岗</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="202" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../models/staffing/hours.py" line="216" />
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="54" />
        <source>Unknown kind of post: {kind}.</source>
        <translation>未知的岗位类型：{kind}。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="67" />
        <source>Choose cadre, volunteer or resident.</source>
        <translation>请选择干部、志愿者或居民。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="76" />
        <source>Someone with the phone {phone} is on the rota already.</source>
        <translation>手机号 {phone} 的人已在排班名单上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="88" />
        <source>This person is not on the rota.</source>
        <translation>此人不在排班名单上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="136" />
        <source>Choose the kind of post.</source>
        <translation>请选择岗位类型。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="141" />
        <source>There is a post called {name} already.</source>
        <translation>已有名为 {name} 的岗位。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="165" />
        <source>Write each shift as start-end, e.g. 08:00-16:00; separate shifts with commas.</source>
        <translation>每个班次写成 开始-结束，如 08:00-16:00；多个班次用逗号分隔。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="172" />
        <source>Give at least one shift, e.g. 08:00-16:00.</source>
        <translation>至少给出一个班次，如 08:00-16:00。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="183" />
        <source>This post is no longer in use.</source>
        <translation>该岗位已停用。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="186" />
        <source>Plan 1 to {max} days at a time.</source>
        <translation>一次安排 1 至 {max} 天。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="189" />
        <source>At least 0 and at most 1 to {max} people, the least not above the most.</source>
        <translation>最少 0 人、最多 1 至 {max} 人，最少不能多于最多。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="240" />
        <source>This shift is not on the rota.</source>
        <translation>该班次不在排班表上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="252" />
        <source>This shift is over.</source>
        <translation>该班次已结束。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="254" />
        <source>{name} does not take posts of this kind.</source>
        <translation>{name} 不承担这类岗位。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="258" />
        <source>{name} is on this shift already.</source>
        <translation>{name} 已在该班次上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="263" />
        <source>{name} is on another shift then: {post}, {when}.</source>
        <translation>{name} 同一时间已有别的班次：{post}，{when}。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="294" />
        <location filename="../../models/staffing/rota.py" line="303" />
        <source>This person is not on this shift.</source>
        <translation>此人不在该班次上。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="306" />
        <source>The shift has not started long enough ago to call them absent.</source>
        <translation>班次开始还不够久，不能算缺岗。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota.py" line="310" />
        <source>They came: a check-in is on record.</source>
        <translation>此人已到岗：有签到记录。</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="43" />
        <source>Cadre sent down</source>
        <translation>下沉干部</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="44" />
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="45" />
        <source>Resident of the compound</source>
        <translation>本小区居民</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="48" />
        <source>Gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="49" />
        <source>Sampling point</source>
        <translation>采样点</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="50" />
        <source>Door-knocking</source>
        <translation>敲门排查</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="51" />
        <source>Home services</source>
        <translation>上门服务</translation>
    </message>
    <message>
        <location filename="../../models/staffing/tables.py" line="52" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/staffing/card.py" line="10" />
        <source>Duty card</source>
        <translation>值守卡</translation>
    </message>
    <message>
        <location filename="../../models/staffing/card.py" line="11" />
        <source>Scan at the gate to check in and out</source>
        <translation>在门岗刷卡签到、签退</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="15" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="15" />
        <source>On the rota</source>
        <translation>排班人员</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="16" />
        <source>Reserve</source>
        <translation>候补</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="16" />
        <source>Signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="17" />
        <source>{compound} · duty rota from {day}</source>
        <translation>{compound} · 值守排班表（{day} 起）</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="18" />
        <source>short of {n}</source>
        <translation>缺 {n} 人</translation>
    </message>
    <message>
        <location filename="../../models/staffing/rota_sheet.py" line="19" />
        <source>page {page} of {pages} · {count} shifts · ★ held around the clock · names masked</source>
        <translation>第 {page}/{pages} 页 · 共 {count} 个班次 · ★ 24 小时值守 · 姓名已隐去部分</translation>
    </message>
    <message>
        <location filename="../../models/app/staffing_service.py" line="279" />
        <source>Nobody sent by {unit} is on the rota here. The units here: {units}</source>
        <translation>这里的排班名单上没有 {unit} 派出的人员。这里的派出单位：{units}</translation>
    </message>
</context>
<context>
    <name>StaffingPanel</name>
    <message>
        <location filename="../../gui/staffing_panel.py" line="81" />
        <source>From</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="83" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="87" />
        <source>The compounds' rotas</source>
        <translation>各小区排班</translation>
    </message>
    <message>
        <location filename="../../gui/staffing_panel.py" line="93" />
        <source>Hours per sending unit</source>
        <translation>各派出单位时长</translation>
    </message>
</context>
<context>
    <name>StandardItemsModel</name>
    <message>
        <location filename="../../gui/team_panels.py" line="111" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="111" />
        <source>Section</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="111" />
        <source>Item</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="111" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="111" />
        <source>Veto</source>
        <translation>否决项</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="112" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="118" />
        <source>veto</source>
        <translation>否决</translation>
    </message>
</context>
<context>
    <name>StandardsModel</name>
    <message>
        <location filename="../../gui/team_panels.py" line="94" />
        <source>Standard</source>
        <translation>检查标准</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="94" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="94" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="94" />
        <source>Items</source>
        <translation>项数</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="95" />
        <source>Pass mark</source>
        <translation>合格分</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="95" />
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="102" />
        <source>Mystery check at a gate</source>
        <translation>门岗暗访</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="102" />
        <source>Compound visit</source>
        <translation>小区检查</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="103" />
        <source>shipped</source>
        <translation>内置</translation>
    </message>
</context>
<context>
    <name>StandardsPanel</name>
    <message>
        <location filename="../../gui/team_panels.py" line="132" />
        <source>Visits are answered against these standards. A new version of a standard replaces the one of the same name; visits already made keep theirs.</source>
        <translation>检查按这些标准进行。标准的新版本替换同名的旧版本；已做的检查保留原标准。</translation>
    </message>
    <message>
        <location filename="../../gui/team_panels.py" line="136" />
        <source>Load the district's standard…</source>
        <translation>导入区里的检查标准…</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <location filename="../../models/supervision/tables.py" line="32" />
        <source>Critical (put right at once)</source>
        <translation>严重（立行立改）</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="33" />
        <source>Major</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="34" />
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="84" />
        <source>Property company</source>
        <translation>物业公司</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="85" />
        <source>Owners' committee</source>
        <translation>业委会</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="188" />
        <source>With a property company</source>
        <translation>有物业</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="189" />
        <source>Without a property company</source>
        <translation>无物业</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="190" />
        <source>Run by its owners' committee</source>
        <translation>业委会自管</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="115" />
        <source>{office}Notice on the supervision of compounds' epidemic control, {day_from} to {day_to}</source>
        <translation>{office}关于{day_from}至{day_to}小区疫情防控督导检查情况的通报</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="117" />
        <source>From {day_from} to {day_to} the supervision teams made {visits} visits to {compounds} compounds ({unannounced} unannounced); {passed} met the standard, a rate of {rate}%. They found {found} problems, of which {put_right} have been put right; {overdue} are past their deadline.</source>
        <translation>{day_from}至{day_to}，督导组共检查小区{compounds}个、{visits}次（其中暗访{unannounced}次），达标{passed}次，达标率{rate}%；发现问题{found}个，已整改{put_right}个，逾期未整改{overdue}个。</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="121" />
        <source>I. Commended</source>
        <translation>一、表扬</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="122" />
        <source>No compound met the standard in this period.</source>
        <translation>本期没有检查达标的小区。</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="123" />
        <source>II. Criticised</source>
        <translation>二、批评</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="124" />
        <source>Every compound visited met the standard.</source>
        <translation>本期检查的小区全部达标。</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="125" />
        <source>III. What must be done</source>
        <translation>三、整改要求</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="126" />
        <source>Each party responsible puts right the problems in the annex by the day given there and reports it to its community; problems not put right in time are followed up and named again in the next notice.</source>
        <translation>各责任单位须于附件所列期限前完成整改，并向所在社区报告；逾期未整改的，将跟踪督办并在下期通报中再次点名。</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="129" />
        <source>Annex: problems found, by compound</source>
        <translation>附件：发现问题清单（按小区）</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="130" />
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="131" />
        <source>{points} points</source>
        <translation>{points}分</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="132" />
        <location filename="../../models/supervision/tables.py" line="86" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="132" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="133" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="133" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="134" />
        <source>Responsible</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="134" />
        <source>Put right by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="135" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="136" />
        <source>open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="136" />
        <source>put right</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="137" />
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="138" />
        <source>found {n} times</source>
        <translation>第{n}次发现</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="224" />
        <source>Notice</source>
        <translation>通报</translation>
    </message>
    <message>
        <location filename="../../models/office/notice.py" line="232" />
        <source>Annex</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="87" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../models/supervision/tables.py" line="88" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="45" />
        <location filename="../../models/supervision/compound_list.py" line="33" />
        <location filename="../../models/supervision/standard_sheet.py" line="44" />
        <source>row {row}: it could not be read (its encoding).</source>
        <translation>第 {row} 行：无法读取（编码有误）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="46" />
        <location filename="../../models/supervision/compound_list.py" line="36" />
        <source>row {row}: no compound named.</source>
        <translation>第 {row} 行：没有小区名称。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="47" />
        <source>row {row}: “{text}” is not a kind of compound (有物业, 无物业 or 业委会自管).</source>
        <translation>第 {row} 行：“{text}”不是小区类型（有物业、无物业或业委会自管）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="49" />
        <source>row {row}: a compound with a property company names it.</source>
        <translation>第 {row} 行：有物业的小区须填写物业公司。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="50" />
        <source>row {row}: “{text}” is not a day (write it as 2022-11-20).</source>
        <translation>第 {row} 行：“{text}”不是日期（请写成 2022-11-20）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="51" />
        <location filename="../../models/supervision/compound_list.py" line="37" />
        <source>row {row}: this compound is already on row {first}.</source>
        <translation>第 {row} 行：这个小区已在第 {first} 行。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="52" />
        <source>row {row}: a census holds at most {limit} compounds; this and the rows after it were not read.</source>
        <translation>第 {row} 行：摸底表最多 {limit} 个小区，本行及以下各行未读取。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="55" />
        <source>{name} has no columns for the compound and its kind (小区, 类型).</source>
        <translation>{name} 没有“小区”和“类型”列。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="144" />
        <source>Choose how the compound is run.</source>
        <translation>请选择小区的管理类型。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="147" />
        <source>Name the property company.</source>
        <translation>请填写物业公司。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="169" />
        <source>Count the compound in the census first.</source>
        <translation>请先对这个小区做分类摸底。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="45" />
        <source>row {row}: no text for the item (检查内容).</source>
        <translation>第 {row} 行：没有检查内容。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="46" />
        <source>row {row}: the item's text is longer than {limit} characters.</source>
        <translation>第 {row} 行：检查内容超过 {limit} 个字。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="47" />
        <source>row {row}: “{text}” is not a whole number of points from 0 to {limit}.</source>
        <translation>第 {row} 行：“{text}”不是 0 到 {limit} 之间的整数分值。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="48" />
        <source>row {row}: “{text}” does not say whether it is a veto item (是 or 否).</source>
        <translation>第 {row} 行：“{text}”看不出是否为否决项（请填“是”或“否”）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="49" />
        <source>row {row}: “{text}” is not a severity (严重, 一般 or 轻微).</source>
        <translation>第 {row} 行：“{text}”不是严重程度（严重、一般或轻微）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="50" />
        <source>row {row}: item {code} is already on row {first}.</source>
        <translation>第 {row} 行：编号 {code} 已在第 {first} 行使用。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="51" />
        <source>row {row}: a standard holds at most {limit} items; this and the rows after it were not read.</source>
        <translation>第 {row} 行：一个标准最多 {limit} 项，本行及以下各行未读取。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="55" />
        <source>{name} has no heading for the items' text (检查内容).</source>
        <translation>{name} 没有“检查内容”列。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standard_sheet.py" line="56" />
        <source>{name}: the pass mark “{said}” is not a whole number from 0 to {limit}.</source>
        <translation>{name}：合格分“{said}”不是 0 到 {limit} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standards.py" line="65" />
        <source>The standard has no name.</source>
        <translation>标准没有名称。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standards.py" line="66" />
        <source>The standard has no items that can be used.</source>
        <translation>标准中没有可用的检查项。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standards.py" line="67" />
        <source>The standard has more than {limit} items.</source>
        <translation>标准的检查项超过 {limit} 项。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standards.py" line="68" />
        <source>The standard has a pass mark ({mark}) but none of its items carries points.</source>
        <translation>标准设有合格分（{mark}），但检查项都没有分值。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standards.py" line="70" />
        <source>The pass mark {mark} is more than {limit} (scores are out of {limit}).</source>
        <translation>合格分 {mark} 超过 {limit}（满分为 {limit}）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/standards.py" line="71" />
        <source>Its items carry points but the standard has no pass mark.</source>
        <translation>检查项有分值，但标准没有合格分。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="48" />
        <source>This visit is not on this station.</source>
        <translation>本机没有这次检查的记录。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="50" />
        <source>This visit was signed off: it can no longer be changed.</source>
        <translation>这次检查已签字确认，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/census.py" line="149" />
        <location filename="../../models/supervision/inspections.py" line="64" />
        <source>Choose the compound from the list.</source>
        <translation>请从列表中选择小区。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="69" />
        <source>This compound is not on the office's list: load its latest list, or ask the office.</source>
        <translation>这个小区不在办公室下发的清单上：请载入最新清单，或询问办公室。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="76" />
        <source>{compound} is in the unit this team belongs to: a team does not judge its own unit.</source>
        <translation>{compound} 属于本督导组所在单位：督导组不检查本单位。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="80" />
        <source>This standard has been replaced: choose the one in use.</source>
        <translation>这个标准已被新版本替换，请选择正在使用的标准。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="82" />
        <source>A mystery check is made at a gate: name the gate.</source>
        <translation>暗访在门岗进行，请填写门岗名称。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="86" />
        <source>A follow-up reviews a signed-off visit to the same compound.</source>
        <translation>复查只能针对同一小区已签字确认的检查。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="101" />
        <source>A follow-up visit reviews findings, not the standard's items.</source>
        <translation>复查针对问题整改，不逐项填写检查标准。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="105" />
        <location filename="../../models/supervision/photos.py" line="159" />
        <source>This item is not in the visit's standard.</source>
        <translation>这一项不在本次检查所用的标准中。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="163" />
        <source>{count} items are not answered yet.</source>
        <translation>还有 {count} 项未填写。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="242" />
        <source>A follow-up visit reviews its own compound's findings.</source>
        <translation>复查只能针对本小区的问题。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/inspections.py" line="244" />
        <source>This finding was closed by an earlier visit.</source>
        <translation>这个问题已在之前的检查中销号。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="29" />
        <source>{name} could not be opened: {detail}</source>
        <translation>无法打开 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="30" />
        <source>{name} is too large to be a photo ({size}).</source>
        <translation>{name} 太大，不像是一张照片（{size}）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="31" />
        <source>{name} is not a picture GateDesk can read (JPEG, PNG, WebP, BMP, GIF or TIFF).</source>
        <translation>{name} 不是门岗登记台能读取的图片（JPEG、PNG、WebP、BMP、GIF 或 TIFF）。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="33" />
        <source>{name} claims more pixels than any camera takes ({pixels}); it was not opened.</source>
        <translation>{name} 声称的像素数超过任何相机（{pixels}），未予打开。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="35" />
        <source>{name} is damaged: the picture in it cannot be read whole.</source>
        <translation>{name} 已损坏，无法完整读取其中的图片。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="36" />
        <source>A visit keeps at most {limit} photos.</source>
        <translation>每次检查最多保存 {limit} 张照片。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="104" />
        <source>a photo that is not a JPEG of {width}×{height} pixels at most {side} a side with nothing else in it</source>
        <translation>照片不是 {width}×{height} 像素、每边不超过 {side} 像素且不含其他内容的 JPEG</translation>
    </message>
    <message>
        <location filename="../../models/supervision/photos.py" line="116" />
        <source>a pledge's scan that is not a JPEG at most {side} pixels a side with nothing else in it</source>
        <translation>承诺书扫描件不是每边不超过 {side} 像素、不含其他内容的 JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../models/supervision/compound_list.py" line="34" />
        <source>row {row}: “{text}” is not a compound's number from the office's list.</source>
        <translation>第 {row} 行：“{text}”不是办公室清单中的小区编号。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/compound_list.py" line="38" />
        <source>row {row}: a list holds at most {limit} compounds; this and the rows after it were not read.</source>
        <translation>第 {row} 行：清单最多 {limit} 个小区，本行及以下各行未读取。</translation>
    </message>
    <message>
        <location filename="../../models/supervision/compound_list.py" line="41" />
        <source>{name} is not the office's list of compounds (its headings: 编号, 小区, 社区, 街道, 区).</source>
        <translation>{name} 不是办公室下发的小区清单（应有列：编号、小区、社区、街道、区）。</translation>
    </message>
    <message>
        <location filename="../../models/office/supervision.py" line="67" />
        <source>The period ends before it begins.</source>
        <translation>时段的结束早于开始。</translation>
    </message>
</context>
<context>
    <name>SupervisionPanel</name>
    <message>
        <location filename="../../gui/supervision_panel.py" line="122" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="125" />
        <source>by community</source>
        <translation>按社区</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="125" />
        <source>by sub-district</source>
        <translation>按街道</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="126" />
        <source>by property company</source>
        <translation>按物业公司</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="128" />
        <source>&amp;Period</source>
        <translation>时段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="130" />
        <source>Not &amp;visited for</source>
        <translation>未检查超过(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="132" />
        <source>&amp;League</source>
        <translation>排名(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="134" />
        <source>Supervision &amp;notice…</source>
        <translation>督导通报(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="137" />
        <source>Compounds' list for the &amp;teams…</source>
        <translation>督导小区清单(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="155" />
        <source>Compounds, the least visited first</source>
        <translation>小区（检查最少的在前）</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="156" />
        <source>Findings by responsible party</source>
        <translation>问题（按责任单位）</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="157" />
        <source>League table</source>
        <translation>排名表</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="158" />
        <source>Problems found again</source>
        <translation>反复出现的问题</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="171" />
        <source>Photos of its visits… [Ctrl+G]</source>
        <translation>查看检查照片… [Ctrl+G]</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="193" />
        <source>Choose a compound in the list first.</source>
        <translation>请先在列表中选择一个小区。</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="197" />
        <source>A photo may show a face: a supervisor looks at them.</source>
        <translation>照片可能拍到人脸：须由主管查看。</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="236" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="238" />
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="248" />
        <source>Save the supervision notice</source>
        <translation>保存督导通报</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="249" />
        <source>supervision-notice-{0}-{1}</source>
        <translation>督导通报-{0}至{1}</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="250" />
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="253" />
        <source>A supervisor writes the notice.</source>
        <translation>督导通报须由主管生成。</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="260" />
        <source>Save the compounds' list for the teams</source>
        <translation>保存督导小区清单</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="260" />
        <source>compounds-for-the-teams</source>
        <translation>督导小区清单</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="261" />
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/supervision_panel.py" line="265" />
        <source>A supervisor writes the list.</source>
        <translation>督导小区清单须由主管生成。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../models/formats/rejections.py" line="15" />
        <source>This file is not a GateDesk bundle.</source>
        <translation>此文件不是门岗登记台数据包。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="16" />
        <source>The file is cut short (copy interrupted or USB stick pulled out too soon).</source>
        <translation>文件不完整（复制被中断，或 U 盘拔出过早）。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="17" />
        <source>The file is damaged: {detail}</source>
        <translation>文件已损坏：{detail}</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="18" />
        <source>The contents of {member} do not match the checksum the gate recorded: the file was changed or damaged after export.</source>
        <translation>{member} 的内容与门岗记录的校验值不符：文件在导出后被改动或损坏。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="19" />
        <source>The station's signature does not match: the file was changed after export, or was not made by a GateDesk station.</source>
        <translation>站点签名不符：文件在导出后被改动，或并非由门岗登记台站点生成。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="20" />
        <source>This bundle is signed with a new key ({key}) for a gate this office knows ({station}). Check the key with the gate by phone, then accept it (Import tab, or --trust-new-key on the command line).</source>
        <translation>此数据包使用了新的签名密钥（{key}），而本办公室已登记过该门岗（{station}）。请先与门岗电话核对密钥，再予以接受（在“导入”页，或命令行加 --trust-new-key）。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="21" />
        <source>The bundle was written by a newer GateDesk (format {found}; this version reads up to {known}). Update GateDesk at the office.</source>
        <translation>数据包由更新版本的门岗登记台生成（格式 {found}，本版本最高支持 {known}）。请升级办公室的门岗登记台。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="22" />
        <source>The bundle's table of contents is unreadable: {detail}</source>
        <translation>数据包目录无法读取：{detail}</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="23" />
        <source>Part of the bundle is missing: {member}.</source>
        <translation>数据包缺少部分内容：{member}。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="24" />
        <source>The bundle holds a part that its table of contents does not list: {member}.</source>
        <translation>数据包含有目录中未列出的内容：{member}。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="25" />
        <source>The bundle holds a file name that points outside the bundle: {member}.</source>
        <translation>数据包中有指向包外的文件名：{member}。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="26" />
        <source>The bundle is implausibly large or compressed ({member}); it was not opened.</source>
        <translation>数据包大小或压缩比异常（{member}），未予打开。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="27" />
        <source>Record {record} in {member} is invalid: {detail}</source>
        <translation>{member} 中的记录 {record} 无效：{detail}</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="28" />
        <source>Record {record} in {member} is dated in the future ({when}). Check the gate computer's clock.</source>
        <translation>{member} 中的记录 {record} 的时间在将来（{when}）。请检查门岗电脑的时钟。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="29" />
        <source>The bundle is encrypted, and this computer holds no office key to open it.</source>
        <translation>数据包已加密，本机没有可打开它的办公室密钥。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="30" />
        <source>The bundle is encrypted for another office's key ({key}); it cannot be opened here.</source>
        <translation>数据包是按另一个办公室的密钥（{key}）加密的，本机无法打开。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="31" />
        <source>The file could not be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="32" />
        <source>Record {record} in {member} belongs to another station ({owner}); a bundle may only bring, change or delete its own station's records.</source>
        <translation>{member} 中的记录 {record} 属于另一个工作站（{owner}）；数据包只能新增、修改或删除本工作站自己的记录。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="34" />
        <source>The bundle deletes record {record}, but other records still refer to it ({referrer}). Nothing was deleted.</source>
        <translation>数据包要删除记录 {record}，但仍有其他记录引用它（{referrer}）。未删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="36" />
        <source>Record {record} appears twice in {member}.</source>
        <translation>记录 {record} 在 {member} 中出现了两次。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="37" />
        <source>Record {record} in {member} refers to {target}, which is neither in the bundle nor at this office.</source>
        <translation>{member} 中的记录 {record} 引用了 {target}，但数据包和本办公室都没有该记录。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="39" />
        <source>The bundle says it is number {sequence} of its gate, but the last this office received is {last}: a jump that large is not a real series of exports.</source>
        <translation>数据包自称是该门岗的第 {sequence} 号，而本办公室收到的最后一个是第 {last} 号：跳跃这么大，不可能是正常的导出序列。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="42" />
        <source>{station} is not enrolled at this office (key {key}). Check the fingerprint with the gate's set-up sheet or by phone, then enroll it; until then nothing from it is imported.</source>
        <translation>{station} 尚未在本办公室备案（密钥 {key}）。请对照该门岗的设置单或电话核对指纹后备案；备案前不会导入它的任何数据。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="45" />
        <source>{office} forwards the records of {station} ({where}), which is outside the unit it speaks for ({unit}). Nothing from this file was imported.</source>
        <translation>{office} 上报了 {station}（{where}）的记录，该门岗不在其所代表的单位（{unit}）之内。此文件中的内容均未导入。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="48" />
        <source>{office} now says it speaks for {unit}, but its first bundle here spoke for {before}. Nothing from this file was imported; ask the office what changed.</source>
        <translation>{office} 现在声称代表 {unit}，但它在本处的第一个数据包代表的是 {before}。此文件中的内容均未导入；请向该办公室询问原因。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="51" />
        <source>Record {record} in {member} changes a testing round, or a line of one, after it was closed, without a correction giving the reason. A closed round changes only through a correction. Nothing from this file was imported.</source>
        <translation>{member} 中的记录 {record} 在核酸检测轮次关闭后修改了该轮次或其中一行，却没有附带说明原因的更正。已关闭的轮次只能通过更正来修改。此文件中的内容均未导入。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="55" />
        <source>{station} brings {member}, which only {kind} may send. Nothing from this file was imported.</source>
        <translation>{station} 的数据包带有 {member}，只有{kind}才能发送这类记录。此文件未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="57" />
        <source>{station} inspected {compound}, which is in {unit}, the unit the team belongs to: a team does not judge its own unit. Nothing from this file was imported.</source>
        <translation>{station} 检查了 {compound}，而该小区属于督导组自己所在的 {unit}：督导组不检查本单位。此文件未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="60" />
        <source>{station} says it is now {kind}, but this office knows it as {before}. Nothing from this file was imported; ask who set it up again.</source>
        <translation>{station} 声称自己现在是{kind}，但本办公室记录它是{before}。此文件未导入任何内容；请询问是谁重新设置了它。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="63" />
        <source>{office} forwarded its gates' records under its own signature only (a GateDesk older than this one). This office takes a gate's records only as the gate signed them: update GateDesk at {office} and forward again, or import the gates' own bundles. Nothing from this file was imported.</source>
        <translation>{office} 仅以自己的签名转发了门岗的记录（旧版门岗登记台所写）。本办公室只接受门岗本身签名的记录：请在 {office} 更新门岗登记台后重新转报，或导入门岗自己的数据包。此文件中的内容均未导入。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="68" />
        <source>GateDesk could not import this file ({detail}); a report without personal data was written to its logs folder. The other files are not affected.</source>
        <translation>GateDesk 无法导入此文件（{detail}）；已在 logs 文件夹写入不含个人信息的报告。其他文件不受影响。</translation>
    </message>
    <message>
        <location filename="../../models/formats/rejections.py" line="76" />
        <source>The office {station} is not enrolled here (key {key}). Check the fingerprint with that office (its forward dialog shows it), then enroll it; until then nothing from it is imported.</source>
        <translation>办公室 {station} 尚未在此备案（密钥 {key}）。请与该办公室核对指纹（其转报窗口会显示），然后备案；在此之前不导入其任何内容。</translation>
    </message>
    <message>
        <location filename="../../models/sync/inbox.py" line="134" />
        <source>The office's database stopped answering while this file was imported ({detail}). Nothing of this file was written; import it again once the database is back.</source>
        <translation>导入此文件时办公室数据库停止了响应（{detail}）。此文件的内容均未写入；数据库恢复后请重新导入。</translation>
    </message>
    <message>
        <location filename="../../models/sync/inbox.py" line="137" />
        <source>A spreadsheet GateDesk writes for people beside its bundle; the office imports the bundle, not this. Skipped.</source>
        <translation>这是 GateDesk 在数据包旁为人工查阅写出的表格；办公室导入的是数据包而不是它。已跳过。</translation>
    </message>
    <message>
        <location filename="../../models/sync/export.py" line="103" />
        <source>A range of days needs its first and its last day, the first not after the last.</source>
        <translation>按日期导出需要填写第一天和最后一天，第一天不能晚于最后一天。</translation>
    </message>
    <message>
        <location filename="../../models/sync/gate_bundle.py" line="149" />
        <source>a gate</source>
        <translation>门岗</translation>
    </message>
    <message>
        <location filename="../../models/sync/gate_bundle.py" line="150" />
        <source>a supervision team's station</source>
        <translation>督导组的电脑</translation>
    </message>
</context>
<context>
    <name>TestingPanel</name>
    <message>
        <location filename="../../gui/testing_panel.py" line="47" />
        <source>No testing round is open. An administrator opens one for the day: everyone on the roster, or some buildings.</source>
        <translation>当前没有进行中的核酸轮次。由管理员为当天开启一轮：名册上的全体住户，或部分楼栋。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="52" />
        <source>Open a testing round…</source>
        <translation>开启核酸轮次…</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="56" />
        <location filename="../../gui/testing_panel.py" line="83" />
        <source>Home-service ledger…</source>
        <translation>上门服务台账…</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="64" />
        <location filename="../../gui/testing_panel.py" line="135" />
        <source>Correct a closed round…</source>
        <translation>更正已结束的轮次…</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="80" />
        <source>Close the round…</source>
        <translation>结束本轮…</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="87" />
        <source>Sampling point</source>
        <translation>采样点</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="96" />
        <source>Due</source>
        <translation>应检</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="96" />
        <source>Sampled</source>
        <translation>已采</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="96" />
        <source>Exempt</source>
        <translation>免检</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="97" />
        <source>Missing</source>
        <translation>未检</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="97" />
        <source>At home</source>
        <translation>待上门</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="124" />
        <source>Call the next batch</source>
        <translation>呼叫下一批</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="128" />
        <source>Print call sheet…</source>
        <translation>打印呼叫单…</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="145" />
        <source>Scan a pass, or type a room (6-1-602) or a name, then Enter</source>
        <translation>扫通行码，或输入房号（6-1-602）或姓名后按回车</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="151" />
        <source>Found</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="151" />
        <source>Not yet sampled (door-knocking)</source>
        <translation>未检名单（逐户敲门）</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="152" />
        <source>Home-service list</source>
        <translation>上门服务名单</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="152" />
        <source>Last batch called</source>
        <translation>本批呼叫名单</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="153" />
        <source>Everyone in the building</source>
        <translation>本楼全部人员</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="180" />
        <source>Sampled here</source>
        <translation>在此采样</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="191" />
        <source>Record reason</source>
        <translation>记录原因</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="201" />
        <source>To the home-service list</source>
        <translation>转入上门服务</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="206" />
        <source>Who samples at the door</source>
        <translation>入户采样人员</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="207" />
        <source>Sampled at home</source>
        <translation>入户已采</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="218" />
        <source>Room, e.g. 6-1-602</source>
        <translation>房号，如 6-1-602</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="221" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="222" />
        <source>Not on the roster: add and sample</source>
        <translation>不在名册：新增并采样</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="252" />
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="303" />
        <source>{0} people</source>
        <translation>{0} 人</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="74" />
        <location filename="../../gui/testing_panel.py" line="328" />
        <source>at home</source>
        <translation>入户</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="76" />
        <source>Sampled {0} · {1}</source>
        <translation>已采 {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="80" />
        <source>Exempt: {0}</source>
        <translation>免检：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="82" />
        <source>Waiting for the home visit</source>
        <translation>待上门采样</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="86" />
        <source>Called {0}</source>
        <translation>已呼叫 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/round_models.py" line="88" />
        <source>Not yet sampled</source>
        <translation>未采样</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="190" />
        <source>Where?</source>
        <translation>检测地点、医院</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="329" />
        <source>Already sampled in this round: {0} ({1}, {2}). Not counted again.</source>
        <translation>本轮已采样：{0}（{1}，{2}），不重复计数。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="332" />
        <source>Sampled: {0}</source>
        <translation>已采样：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="379" />
        <source>Nobody in the round matches {0}.</source>
        <translation>本轮名单中没有与“{0}”相符的人。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="392" />
        <source>{0} people match: press 1-{0} for the one who came, or choose in the list and press Enter.</source>
        <translation>{0} 人符合：请按 1-{0} 选出来采样的人，或在列表中选中后按回车。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="407" />
        <source>Choose a person in the list first.</source>
        <translation>请先在名单中选择一人。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="424" />
        <source>Reason recorded: {0}</source>
        <translation>已记录原因：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="432" />
        <source>On the home-service list: {0}</source>
        <translation>已转入上门服务：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="448" />
        <source>Added and sampled: {0}. Tell the administrator to add them to the roster.</source>
        <translation>已新增并采样：{0}。请告知管理员将其加入住户名册。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="457" />
        <location filename="../../gui/testing_panel.py" line="475" />
        <source>Choose a building on the left first.</source>
        <translation>请先在左侧选择楼栋。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="465" />
        <source>Call down {0} people of building {1} (floors {2}).</source>
        <translation>请通知 {1} 号楼 {0} 人下楼（{2} 层）。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="468" />
        <source>Everyone in building {0} has been called.</source>
        <translation>{0} 号楼已全部呼叫。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="480" />
        <source>Call sheet, building {0}</source>
        <translation>{0} 号楼呼叫单</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="486" />
        <source>An administrator opens a testing round.</source>
        <translation>开启核酸轮次需要管理员。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="506" />
        <source>Close the round</source>
        <translation>结束本轮</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="507" />
        <source>Close {0}? {1} people are still missing. After closing, the round changes only through a correction with a reason.</source>
        <translation>结束“{0}”？还有 {1} 人未检。结束后只能填写原因进行更正。</translation>
    </message>
    <message>
        <location filename="../../gui/testing_panel.py" line="511" />
        <source>A supervisor closes the round.</source>
        <translation>结束本轮需要主管。</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../models/sync/units.py" line="28" />
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="29" />
        <source>Sub-district</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="30" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="31" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="342" />
        <source>That unit no longer exists (it was merged or removed).</source>
        <translation>该单位已不存在（已被合并或删除）。</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="353" />
        <source>Only units of the same level can be merged.</source>
        <translation>只能合并同一级别的单位。</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="355" />
        <source>A unit cannot be merged into one below it.</source>
        <translation>不能把单位合并到它的下级单位中。</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="391" />
        <location filename="../../models/sync/units.py" line="420" />
        <source>A unit needs a name.</source>
        <translation>单位需要名称。</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="417" />
        <source>Grids are made inside a community.</source>
        <translation>网格只能建在社区之下。</translation>
    </message>
    <message>
        <location filename="../../models/sync/units.py" line="428" />
        <source>A compound belongs in a community or one of its grids.</source>
        <translation>小区只能归属到社区或其下的网格。</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="37" />
        <source>Organisation units</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="40" />
        <source>The units come from what each gate's set-up names. Correct a spelling (the old one keeps leading here), merge two spellings of one unit, make grids inside a community and move compounds into them.</source>
        <translation>单位来自各门岗设置时填写的名称。可以更正写法（原写法仍指向这里）、把同一单位的两种写法合并、在社区内建立网格并把小区移入。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="47" />
        <source>Unit or compound</source>
        <translation>单位或小区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="47" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="52" />
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="52" />
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="53" />
        <source>New grid…</source>
        <translation>新建网格…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="53" />
        <source>Move compound…</source>
        <translation>移动小区…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="54" />
        <source>Limit an account…</source>
        <translation>限定账号…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="87" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="124" />
        <source>There is nothing to choose from.</source>
        <translation>没有可选的项。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="131" />
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="131" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="134" />
        <source>Renamed.</source>
        <translation>已改名。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="141" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="141" />
        <source>{0} becomes part of:</source>
        <translation>{0} 并入：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="144" />
        <source>Merged into {0}.</source>
        <translation>已并入 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="148" />
        <source>New grid</source>
        <translation>新建网格</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="148" />
        <source>Name of the grid:</source>
        <translation>网格名称：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="150" />
        <source>Grid made.</source>
        <translation>网格已建立。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="156" />
        <source>Move compound</source>
        <translation>移动小区</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="156" />
        <source>Move it to:</source>
        <translation>移到：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="161" />
        <source>Moved.</source>
        <translation>已移动。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="166" />
        <location filename="../../gui/dialogs/units_dialog.py" line="170" />
        <source>Limit an account</source>
        <translation>限定账号</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="166" />
        <source>Which account:</source>
        <translation>哪个账号：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="169" />
        <source>Everything (no limit)</source>
        <translation>全部（不限定）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="170" />
        <source>It sees only:</source>
        <translation>只能查看：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/units_dialog.py" line="173" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../models/trust/operators.py" line="64" />
        <source>A PIN is {min} to {max} digits.</source>
        <translation>PIN 为 {min}–{max} 位数字。</translation>
    </message>
    <message>
        <location filename="../../models/trust/operators.py" line="74" />
        <source>An operator with this name already exists.</source>
        <translation>已有同名的值班人员。</translation>
    </message>
    <message>
        <location filename="../../models/trust/first_run.py" line="42" />
        <source>A grid is inside a community: name the community too.</source>
        <translation>网格在社区之内：请同时填写社区。</translation>
    </message>
    <message>
        <location filename="../../models/trust/first_run.py" line="49" />
        <source>The two PINs are not the same.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="137" />
        <source>Choose what kind of item this is.</source>
        <translation>请选择物品类别。</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="141" />
        <source>A tracking or order number is 4–40 letters, digits or dashes.</source>
        <translation>快递单号 / 订单号为 4–40 位字母、数字或短横线。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="54" />
        <location filename="../../models/station/parcels.py" line="145" />
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="147" />
        <source>Write the room as building-unit-room, such as 3-2-501.</source>
        <translation>房号请按 楼-单元-室 填写，如 3-2-501。</translation>
    </message>
    <message>
        <location filename="../../models/station/parcels.py" line="152" />
        <source>The last four digits of the phone.</source>
        <translation>请填写手机号后四位。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="57" />
        <source>Contains control characters; please retype it.</source>
        <translation>含有控制字符，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="60" />
        <source>Too long: at most {max} characters.</source>
        <translation>太长：最多 {max} 个字。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="87" />
        <source>Enter the temperature.</source>
        <translation>请输入体温。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="92" />
        <source>The temperature must be a number, such as 36.5.</source>
        <translation>体温应为数字，如 36.5。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="95" />
        <source>{value} °C is not a body temperature: enter a reading between {min} and {max} °C.</source>
        <translation>{value} °C 不是有效体温：请输入 {min}–{max} °C 之间的读数。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="111" />
        <source>Enter a phone number.</source>
        <translation>请输入手机号。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="114" />
        <location filename="../../models/kit/validation.py" line="131" />
        <source>Not a mainland mobile number: it must be 11 digits starting with 1, such as 13812345678.</source>
        <translation>不是有效的手机号：应为以 1 开头的 11 位数字，如 13812345678。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="129" />
        <source>A phone number has digits only.</source>
        <translation>手机号只含数字。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="147" />
        <source>Enter the ID number.</source>
        <translation>请输入身份证号。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="152" />
        <source>An ID number has 18 characters; this one has {n}.</source>
        <translation>身份证号应为 18 位，这里是 {n} 位。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="155" />
        <source>An ID number is 17 digits followed by a digit or X.</source>
        <translation>身份证号为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="158" />
        <source>The last character (check digit) does not match: please check the ID number again.</source>
        <translation>最后一位校验码不符，请再核对身份证号。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="164" />
        <source>The birth date inside this ID number is not a real date.</source>
        <translation>身份证号中的出生日期无效。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="184" />
        <source>Enter when the test sample was taken.</source>
        <translation>请输入核酸采样时间。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="207" />
        <source>Could not read this time. Type it as 11-28 09:12, or as 30h for 30 hours ago.</source>
        <translation>无法识别此时间。请按 11-28 09:12 输入，或输入 30h 表示 30 小时前。</translation>
    </message>
    <message>
        <location filename="../../models/kit/validation.py" line="211" />
        <source>The sample time is in the future.</source>
        <translation>采样时间晚于现在。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="137" />
        <source>Choose who this is.</source>
        <translation>请选择人员类别。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="147" />
        <location filename="../../models/gate/visits.py" line="374" />
        <source>This is an ID number, not where the visitor is going: type the building-unit-room.</source>
        <translation>这是身份证号，不是去往的地点：请输入楼-单元-房号。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="159" />
        <source>Choose the code colour.</source>
        <translation>请选择健康码颜色。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="161" />
        <source>Check the health code and choose its colour (G green, Y yellow, R red).</source>
        <translation>请查验健康码并选择颜色（G 绿、Y 黄、R 红）。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="172" />
        <source>Choose the nucleic-acid result.</source>
        <translation>请选择核酸结果。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="177" />
        <source>Ask about a risk-area stay or a star on the itinerary card and choose: N no, Y yes.</source>
        <translation>询问14天内中高风险地区停留或行程卡带星，并选择：N 无，Y 有。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="180" />
        <source>Look at the mask and choose: M wearing one, U not wearing one.</source>
        <translation>请看口罩并选择：M 戴了，U 没戴。</translation>
    </message>
    <message>
        <location filename="../../models/gate/visits.py" line="411" />
        <source>Write the reason for the override.</source>
        <translation>请填写改判理由。</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="246" />
        <source>A red code or a positive test is handed to health staff: a normal re-check does not release it.</source>
        <translation>红码或核酸阳性须移交医护人员：复测正常也不能放行。</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="253" />
        <source>Release only after a re-check below {limit} °C.</source>
        <translation>复测低于 {limit} °C 后才能解除留观。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="400" />
        <location filename="../../models/station/isolation.py" line="274" />
        <source>Write the reason for the correction.</source>
        <translation>请填写更正理由。</translation>
    </message>
    <message>
        <location filename="../../models/rounds/rounds.py" line="402" />
        <location filename="../../models/station/isolation.py" line="276" />
        <source>This field cannot be corrected.</source>
        <translation>此项不能更正。</translation>
    </message>
    <message>
        <location filename="../../models/station/isolation.py" line="286" />
        <source>Choose an outcome.</source>
        <translation>请选择处置结果。</translation>
    </message>
    <message>
        <location filename="../../models/app/gate_service.py" line="140" />
        <source>This person was sent to the isolation point; the case keeps the registration.</source>
        <translation>此人已被送往隔离点，隔离记录需要保留这条登记。</translation>
    </message>
    <message>
        <location filename="../../models/app/server_office.py" line="27" />
        <source>A port is a number from 1 to 65535 (usually 5432).</source>
        <translation>端口是 1 到 65535 之间的数字（通常为 5432）。</translation>
    </message>
    <message>
        <location filename="../../models/app/server_office.py" line="30" />
        <source>No spaces or / @ ? # : here.</source>
        <translation>这里不能有空格或 / @ ? # :。</translation>
    </message>
</context>
<context>
    <name>VisitChart</name>
    <message>
        <location filename="../../gui/dashboard_panel.py" line="148" />
        <source>Registrations per day, last {0} days (red: refused, orange: sent to isolation)</source>
        <translation>近 {0} 天每日登记人次（红：劝返，橙：送隔离点）</translation>
    </message>
</context>
<context>
    <name>VisitColumns</name>
    <message>
        <location filename="../../gui/visit_columns.py" line="45" />
        <source>(auto)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="54" />
        <location filename="../../gui/visit_columns.py" line="56" />
        <source>Time in</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="58" />
        <source>Inside for</source>
        <translation>已在场</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="60" />
        <source>Who</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="61" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="62" />
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="63" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="64" />
        <source>Going to</source>
        <translation>去往</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="65" />
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="66" />
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="68" />
        <source>Code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="69" />
        <source>Decision</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="70" />
        <source>Time out</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../gui/visit_columns.py" line="71" />
        <source>Operator</source>
        <translation>值班人员</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../gui/visits_panel.py" line="158" />
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="158" />
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="158" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="166" />
        <source>Note [F2]</source>
        <translation>备注 [F2]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="169" />
        <source>Photo… [Ctrl+P]</source>
        <translation>照片… [Ctrl+P]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="173" />
        <source>Sign off… [Ctrl+Enter]</source>
        <translation>签字… [Ctrl+Enter]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="178" />
        <source>View photos [Ctrl+G]</source>
        <translation>看照片 [Ctrl+G]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="209" />
        <source>Choose a visit on the left, or start a new one [Ctrl+N].</source>
        <translation>请在左侧选择一次检查，或新建检查 [Ctrl+N]。</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="219" />
        <source>{0} · {1} · {2} · {3} v{4}</source>
        <translation>{0} · {1} · {2} · {3} 第{4}版</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="226" />
        <source>Put right [1]</source>
        <translation>已整改 [1]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="227" />
        <source>Not yet [2]</source>
        <translation>未整改 [2]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="232" />
        <source>Pass [1]</source>
        <translation>合格 [1]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="233" />
        <source>Fail [2]</source>
        <translation>不合格 [2]</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="256" />
        <source>{0} photos</source>
        <translation>照片 {0} 张</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="260" />
        <source>{0} of {1} findings put right</source>
        <translation>{1} 个问题中已整改 {0} 个</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="264" />
        <source>{0} items to answer</source>
        <translation>还有 {0} 项未检查</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="266" />
        <source>Score {0} (pass mark {1})</source>
        <translation>得分 {0}（合格分 {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="268" />
        <source>failed: {0}</source>
        <translation>不合格：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="270" />
        <source>veto: {0}</source>
        <translation>否决：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="272" />
        <source>Signed off</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="327" />
        <source>Answer the item first (1, 2 or 3), then add its note.</source>
        <translation>请先给出结果（1、2 或 3），再加备注。</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="329" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="347" />
        <source>A photo for this visit</source>
        <translation>本次检查的照片</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="348" />
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="354" />
        <source>Photo added: {0}</source>
        <translation>已添加照片：{0}</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <location filename="../../gui/visits_panel.py" line="40" />
        <source>Follow-up</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="42" />
        <source>Mystery check at {0}</source>
        <translation>门岗暗访 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="43" />
        <source>Announced</source>
        <translation>明察</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="44" />
        <source>Unannounced</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="49" />
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="51" />
        <source>Signed off</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="52" />
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="52" />
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="76" />
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="76" />
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="77" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../../gui/visits_panel.py" line="63" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="63" />
        <source>Compound</source>
        <translation>小区</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="63" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="63" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <location filename="../../gui/visits_panel.py" line="425" />
        <source>No visits yet. First load the office's list of compounds this team visits (Admin ▸ Office's list of compounds…); then start a visit with New visit [Ctrl+N].</source>
        <translation>还没有检查记录。请先导入办公室给本组的小区清单（管理 ▸ 办公室的小区清单…），再用“新建检查 [Ctrl+N]”开始检查。</translation>
    </message>
    <message>
        <location filename="../../gui/visits_panel.py" line="427" />
        <source>No visits yet: start one with New visit [Ctrl+N].</source>
        <translation>还没有检查记录：用“新建检查 [Ctrl+N]”开始。</translation>
    </message>
</context>
<context>
    <name>Wire</name>
    <message>
        <location filename="../../models/sync/batches.py" line="117" />
        <source>written by another station</source>
        <translation>由另一个工作站写入</translation>
    </message>
    <message>
        <location filename="../../models/sync/batches.py" line="120" />
        <source>gate {gate}</source>
        <translation>门岗 {gate}</translation>
    </message>
    <message>
        <location filename="../../models/sync/batches.py" line="186" />
        <location filename="../../models/sync/tombstones.py" line="45" />
        <source>the id of a record of another kind ({kind})</source>
        <translation>该编号属于另一类记录（{kind}）</translation>
    </message>
    <message>
        <location filename="../../models/sync/tombstones.py" line="31" />
        <source>a deletion of an unknown kind of record ({kind})</source>
        <translation>要删除的记录类别未知（{kind}）</translation>
    </message>
    <message>
        <location filename="../../models/sync/batches.py" line="346" />
        <source>this office</source>
        <translation>本办公室</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="98" />
        <source>the field {field} is missing</source>
        <translation>缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="100" />
        <source>{field} is not a field of this kind of record</source>
        <translation>{field} 不是这类记录的字段</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="102" />
        <source>{field} is longer than {limit} characters</source>
        <translation>{field} 超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="104" />
        <source>{field} is not one of the values this kind of record allows</source>
        <translation>{field} 不是这类记录允许的取值</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="106" />
        <source>{field} is not a day of the form YYYY-MM-DD</source>
        <translation>{field} 不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="108" />
        <source>{field} is not a UTC time between 2019 and 2099 of the form YYYY-MM-DDTHH:MM:SS.ffffffZ</source>
        <translation>{field} 不是 2019 至 2099 年间、格式为 YYYY-MM-DDTHH:MM:SS.ffffffZ 的 UTC 时间</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="111" />
        <source>{field} is not a lower-case UUID</source>
        <translation>{field} 不是小写的 UUID</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="113" />
        <source>{field} is not in the expected form</source>
        <translation>{field} 格式不对</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="115" />
        <source>{field} is out of range (limit {limit})</source>
        <translation>{field} 超出范围（界限 {limit}）</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="117" />
        <source>{field} is out of range</source>
        <translation>{field} 超出范围</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="119" />
        <source>{field} should be {expected}, not {got}</source>
        <translation>{field} 应为 {expected}，而不是 {got}</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="121" />
        <source>a record must be a JSON object, not {got}</source>
        <translation>记录必须是 JSON 对象，而不是 {got}</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="126" />
        <source>not valid JSON ({detail})</source>
        <translation>不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="211" />
        <source>dated in the future ({when})</source>
        <translation>时间在未来（{when}）</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="252" />
        <location filename="../../models/formats/wire.py" line="267" />
        <location filename="../../models/sync/census.py" line="114" />
        <source>a text holds a NUL character</source>
        <translation>文本中含有 NUL 字符</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="282" />
        <location filename="../../models/formats/wire.py" line="451" />
        <source>{day} is not a day of the calendar</source>
        <translation>{day} 不是日历上存在的日期</translation>
    </message>
    <message>
        <location filename="../../models/formats/wire.py" line="290" />
        <source>{field} is not a day of the calendar</source>
        <translation>{field} 不是日历上存在的日期</translation>
    </message>
    <message>
        <location filename="../../models/sync/census.py" line="138" />
        <source>a compound without a name</source>
        <translation>小区没有名称</translation>
    </message>
</context>
</TS>