<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Edit conflicts: a teammate saved the same thing first (livedesk/ui/widgets/conflict_dialog.py). -->
<context>
    <name>LiveDesk</name>
    <message><source>the session details</source><translation>场次信息</translation></message>
    <message><source>the product pool</source><translation>货盘</translation></message>
    <message><source>the run order</source><translation>流程</translation></message>
    <message><source>the opening, transition and closing scripts</source><translation>开场、过品与收尾话术</translation></message>
    <message><source>the review thresholds</source><translation>复盘阈值</translation></message>
    <message><source>the action item</source><translation>改进项</translation></message>
    <message><source>the setting</source><translation>设置</translation></message>
    <message><source>the script of product {product}</source><translation>商品 {product} 的话术</translation></message>
    <message><source>title</source><translation>标题</translation></message>
    <message><source>start time</source><translation>开播时间</translation></message>
    <message><source>length</source><translation>时长</translation></message>
    <message><source>platform</source><translation>平台</translation></message>
    <message><source>account</source><translation>账号</translation></message>
    <message><source>time zone</source><translation>时区</translation></message>
    <message><source>team</source><translation>团队</translation></message>
    <message><source>targets</source><translation>目标</translation></message>
    <message><source>ad budget</source><translation>投放预算</translation></message>
    <message><source>warm-up checklist</source><translation>预热清单</translation></message>
    <message><source>scene checklist</source><translation>场景清单</translation></message>
    <message><source>kind</source><translation>类型</translation></message>
    <message><source>product</source><translation>商品</translation></message>
    <message><source>owner</source><translation>负责人</translation></message>
    <message><source>cues</source><translation>提示</translation></message>
    <message><source>notes</source><translation>备注</translation></message>
    <message><source>step budgets</source><translation>步骤时长</translation></message>
    <message><source>name</source><translation>名称</translation></message>
    <message><source>role</source><translation>定位</translation></message>
    <message><source>daily price</source><translation>日常价</translation></message>
    <message><source>live price</source><translation>直播价</translation></message>
    <message><source>cost</source><translation>成本</translation></message>
    <message><source>stock</source><translation>库存</translation></message>
    <message><source>offer mechanism</source><translation>机制</translation></message>
    <message><source>selling points</source><translation>卖点</translation></message>
    <message><source>pain points</source><translation>痛点</translation></message>
    <message><source>endorsements</source><translation>背书</translation></message>
    <message><source>FAQ</source><translation>FAQ</translation></message>
    <message><source>the whole run order</source><translation>整个流程</translation></message>
    <message><source>the whole pool</source><translation>整个货盘</translation></message>
    <message><source>segment {number}: {field}</source><translation>第 {number} 段：{field}</translation></message>
    <message><source>product {product}: {field}</source><translation>商品 {product}：{field}</translation></message>
    <message><source>Someone else saved first</source><translation>别人先保存了</translation></message>
    <message><source>Your change to {what} was not saved: a teammate deleted it.</source><translation>你对{what}的修改未保存：同事已将其删除。</translation></message>
    <message><source>Your change to {what} was not saved: a teammate saved it while you were editing.</source><translation>你对{what}的修改未保存：在你编辑期间同事保存了它。</translation></message>
    <message><source>You both changed: {fields}</source><translation>你们都改了：{fields}</translation></message>
    <message><source>Reload shows their version and drops your unsaved change. Keep mine applies your change again on top of their version and saves it.</source><translation>重新载入：显示同事的版本，放弃你未保存的修改。保留我的：在同事的版本上重新应用你的修改并保存。</translation></message>
    <message><source>Reload theirs</source><translation>重新载入（用同事的）</translation></message>
    <message><source>Keep mine</source><translation>保留我的</translation></message>
    <message><source>Not saved: a teammate changed the same thing. Choose reload or keep mine.</source><translation>未保存：同事改了同一处，请选择重新载入或保留我的。</translation></message>
</context>
</TS>
