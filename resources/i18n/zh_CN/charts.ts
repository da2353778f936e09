<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- Words drawn inside charts (livedesk/charts); reports use them too. -->
<context>
    <name>LiveDesk</name>
    <message><source>No data</source><translation>无数据</translation></message>
    <message><source>Link up</source><translation>上链接</translation></message>
    <message><source>Lucky bag</source><translation>福袋</translation></message>
    <message><source>Encore</source><translation>返场</translation></message>
    <message><source>Incident</source><translation>事故</translation></message>
    <message><source>Note</source><translation>备注</translation></message>
    <message><source>GMV per minute (yuan)</source><translation>每分钟成交额(元)</translation></message>
    <message><source>Online viewers</source><translation>在线人数</translation></message>
    <message><source>Minute curve: online viewers and GMV per minute</source><translation>分钟曲线：在线人数与每分钟成交额</translation></message>
    <message><source>Funnel (people)</source><translation>转化漏斗（人数）</translation></message>
    <message><source>GMV (yuan)</source><translation>成交金额(元)</translation></message>
    <message><source>GMV by product</source><translation>商品成交金额</translation></message>
    <message><source>Minutes from the planned start  (hollow = plan, filled = actual)</source><translation>距计划开播(分钟)　空心=计划　实心=实际</translation></message>
    <message><source>Plan vs actual</source><translation>计划与实际</translation></message>
    <message><source>Role scorecards</source><translation>角色记分卡</translation></message>
    <message><source>Trend: {label}</source><translation>历史趋势：{label}</translation></message>
</context>
</TS>
