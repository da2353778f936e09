<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message><source>Host</source><translation>主播</translation></message>
    <message><source>GMV target</source><translation>GMV 目标</translation></message>
    <message><source>UV target</source><translation>UV 目标</translation></message>
    <message><source>UV value</source><translation>UV价值</translation></message>
    <message><source>Conversion</source><translation>转化率</translation></message>
    <message><source>ROI</source><translation>ROI</translation></message>
    <message><source>Ad budget</source><translation>投放预算</translation></message>
    <message><source>Edit session</source><translation>编辑场次</translation></message>
    <message><source>Pre-heat checklist</source><translation>预热清单</translation></message>
    <message><source>Scene checklist</source><translation>场景清单</translation></message>
    <message><source>Session</source><translation>场次</translation></message>
    <message><source>Team</source><translation>团队</translation></message>
    <message><source>Targets</source><translation>目标</translation></message>
    <message><source>Type a new checklist item here</source><translation>在此输入新的清单项</translation></message>
    <message><source>Pitch {n} ({role}) lasts {length}, outside {low}–{high}</source><translation>第 {n} 段讲解（{role}）时长 {length}，超出 {low}–{high}</translation></message>
    <message><source>No traffic item in the first 15 minutes</source><translation>开播 15 分钟内没有引流款</translation></message>
    <message><source>Encore</source><translation>返场</translation></message>
    <message><source>Selling points</source><translation>卖点</translation></message>
    <message><source>Pitch {n} is the second traffic pitch in a row</source><translation>第 {n} 段是连续第二个引流款讲解</translation></message>
    <message><source>Script steps of pitch {n} add up to {steps}, not {length}</source><translation>第 {n} 段讲解的话术步骤合计 {steps}，不等于 {length}</translation></message>
    <message><source>Segment {n} brings image item number {count}; plan at most {limit}</source><translation>第 {n} 段出现第 {count} 个形象款；最多安排 {limit} 个</translation></message>
    <message><source>Segment {n} brings traffic SKU number {count}; plan at most {limit}</source><translation>第 {n} 段出现第 {count} 个引流款 SKU；最多安排 {limit} 个</translation></message>
    <message><source>Profit items take {share} of pitch time, under the {target} target</source><translation>利润款占讲解时长 {share}，低于目标 {target}</translation></message>
    <message><source>The run order lasts {total}, {diff} over the {slot} slot</source><translation>计划时长 {total}，超出 {slot} 的时段 {diff}</translation></message>
    <message><source>The run order lasts {total}, {diff} short of the {slot} slot</source><translation>计划时长 {total}，比 {slot} 的时段少 {diff}</translation></message>
    <message><source>Forecast {units} units of {product}, above the {stock} allotted</source><translation>预计 {product} 售出 {units} 件，超过备货 {stock} 件</translation></message>
    <message><source>Pitch {n} has no product</source><translation>第 {n} 段讲解没有选择商品</translation></message>
    <message><source>Segment {n} names product {product}, which is not in the pool</source><translation>第 {n} 段的商品 {product} 不在货盘中</translation></message>
    <message><source>Generate wave plan</source><translation>生成波浪排品</translation></message>
    <message><source>Roles separated by commas: traffic, profit, image, clearance (or 引流款, 利润款 …)</source><translation>用逗号分隔的角色：引流款、利润款、形象款、清仓款</translation></message>
    <message><source>Role pattern</source><translation>角色节奏</translation></message>
    <message><source>Encores</source><translation>返场数</translation></message>
    <message><source>Product ID</source><translation>商品ID</translation></message>
    <message><source>Name</source><translation>商品名称</translation></message>
    <message><source>SKU</source><translation>SKU</translation></message>
    <message><source>Role</source><translation>角色</translation></message>
    <message><source>Daily price</source><translation>日常价</translation></message>
    <message><source>Live price</source><translation>直播价</translation></message>
    <message><source>Cost</source><translation>成本</translation></message>
    <message><source>Stock</source><translation>库存</translation></message>
    <message><source>Mechanism</source><translation>机制</translation></message>
    <message><source>Pain points</source><translation>痛点</translation></message>
    <message><source>Endorsements</source><translation>背书</translation></message>
    <message><source>FAQ</source><translation>FAQ</translation></message>
    <message><source>Script: pain point</source><translation>话术：痛点引入</translation></message>
    <message><source>Script: selling points</source><translation>话术：卖点展示</translation></message>
    <message><source>Script: trust</source><translation>话术：信任背书</translation></message>
    <message><source>Script: offer</source><translation>话术：价格优惠</translation></message>
    <message><source>Script: closing push</source><translation>话术：逼单促成</translation></message>
    <message><source>Map pool columns</source><translation>映射货盘列</translation></message>
    <message><source>Remember this mapping</source><translation>记住此映射</translation></message>
    <message><source>The current run order is replaced; undo brings it back.</source><translation>当前排品将被替换；可撤销恢复。</translation></message>
    <message><source>Ignore</source><translation>忽略</translation></message>
    <message><source>These columns were not recognised. Choose what each one holds.</source><translation>以下列未能识别，请选择每列的含义。</translation></message>
    <message><source>The pattern must list roles: traffic, profit, image, clearance</source><translation>节奏须列出角色：引流款、利润款、形象款、清仓款</translation></message>
    <message><source>{role} pitch length</source><translation>{role}讲解时长</translation></message>
    <message><source>Undo</source><translation>撤销</translation></message>
    <message><source>Redo</source><translation>重做</translation></message>
    <message><source>Generate wave plan…</source><translation>生成波浪排品…</translation></message>
    <message><source>Insert</source><translation>插入</translation></message>
    <message><source>Duplicate</source><translation>复制</translation></message>
    <message><source>Delete</source><translation>删除</translation></message>
    <message><source>Import pool…</source><translation>导入货盘…</translation></message>
    <message><source>Run order</source><translation>排品</translation></message>
    <message><source>Product pool</source><translation>货盘</translation></message>
    <message><source>Insert segment</source><translation>插入环节</translation></message>
    <message><source>Delete segment</source><translation>删除环节</translation></message>
    <message><source>Add product</source><translation>添加商品</translation></message>
    <message><source>Import pool</source><translation>导入货盘</translation></message>
    <message><source>Pool files (*.csv *.xlsx)</source><translation>货盘文件 (*.csv *.xlsx)</translation></message>
    <message><source>Exporting…</source><translation>正在导出…</translation></message>
    <message><source>Export run sheet</source><translation>导出排品表</translation></message>
    <message><source>Export XLSX</source><translation>导出 XLSX</translation></message>
    <message><source>Export PDF</source><translation>导出 PDF</translation></message>
    <message><source>Export CSV</source><translation>导出 CSV</translation></message>
    <message><source>Warnings</source><translation>提醒</translation></message>
    <message><source>No warnings</source><translation>没有提醒</translation></message>
    <message><source>Duplicate segment</source><translation>复制环节</translation></message>
    <message><source>New product</source><translation>新商品</translation></message>
    <message><source>Add or import products to the pool first.</source><translation>请先在货盘中添加或导入商品。</translation></message>
    <message><source>All changes saved</source><translation>所有修改已保存</translation></message>
    <message><source>These product ids appear more than once; only the first row of each was kept: {ids}</source><translation>以下商品ID重复出现，仅保留每个ID的第一行：{ids}</translation></message>
    <message><source>Not saved: {reason}</source><translation>未保存：{reason}</translation></message>
    <message><source>Exported {name}</source><translation>已导出 {name}</translation></message>
    <message><source>Export failed: {reason}</source><translation>导出失败：{reason}</translation></message>
    <message><source>Edit product</source><translation>编辑商品</translation></message>
    <message><source>Edit segment</source><translation>编辑环节</translation></message>
    <message><source>Length</source><translation>时长</translation></message>
    <message><source>Owner</source><translation>负责人</translation></message>
    <message><source>Cues</source><translation>提示</translation></message>
    <message><source>Notes</source><translation>备注</translation></message>
    <message><source>Change segment length</source><translation>调整环节时长</translation></message>
    <message><source>Script step budgets</source><translation>话术步骤时长</translation></message>
    <message><source>Total</source><translation>合计</translation></message>
    <message><source>Split by default shares</source><translation>按默认比例分配</translation></message>
    <message><source>Forecast vs target</source><translation>预测与目标</translation></message>
    <message><source>Projected GMV</source><translation>预计 GMV</translation></message>
    <message><source>Gap</source><translation>差距</translation></message>
    <message><source>Viewers needed (UV)</source><translation>所需观看人数 (UV)</translation></message>
    <message><source>UV value needed</source><translation>所需 UV价值</translation></message>
    <message><source>Assumed conversion</source><translation>假设转化率</translation></message>
    <message><source>Assumed viewers per minute</source><translation>假设每分钟观看人数</translation></message>
    <message><source>Products with past reviews are forecast from their GMV per pitch minute</source><translation>有复盘历史的商品按其每讲解分钟 GMV 预测</translation></message>
    <message><source>{steps} of {length}</source><translation>{steps} / {length}</translation></message>
    <message><source>Edit step budgets</source><translation>编辑话术步骤时长</translation></message>
    <message><source>Drag a block to move it; drag its right edge to change its length</source><translation>拖动色块调整顺序；拖动右边缘调整时长</translation></message>
    <message><source>{kind} · {start}–{end} · {length}</source><translation>{kind} · {start}–{end} · 时长 {length}</translation></message>
    <message><source> min</source><translation> 分钟</translation></message>
    <message><source> s</source><translation> 秒</translation></message>
    <message><source>No segments yet</source><translation>还没有环节</translation></message>
    <message><source>Move segment</source><translation>移动环节</translation></message>
    <message><source>Pull viewers in</source><translation>拉人气</translation></message>
    <message><source>Sell</source><translation>促成交</translation></message>
    <message><source>High: pulling viewers in (opening, traffic items, interaction). Low: selling (profit items).</source><translation>高处：拉人气（开场、引流款、互动）；低处：促成交（利润款）。</translation></message>
</context>
</TS>
