<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message><source>Range</source><translation>区间</translation></message>
    <message><source>Bottom-up</source><translation>自下而上</translation></message>
    <message><source>Buyers needed</source><translation>所需成交人数</translation></message>
    <message><source>Average order value</source><translation>客单价</translation></message>
    <message><source>Recency half-life (sessions)</source><translation>近期权重半衰期（场）</translation></message>
    <message><source>Forecast</source><translation>预测</translation></message>
    <message><source>Share</source><translation>占比</translation></message>
    <message><source>Why</source><translation>依据</translation></message>
    <message><source>Slot</source><translation>位置</translation></message>
    <message><source>(assumed)</source><translation>（假设）</translation></message>
    <message><source>What the target needs</source><translation>目标拆解</translation></message>
    <message><source>Products that drive the forecast</source><translation>贡献预测的主要商品</translation></message>
    <message><source>Why each slot went to its product</source><translation>每个位置为何排这个商品</translation></message>
    <message><source>{rate} per pitch minute over {n} sessions</source><translation>近 {n} 场每讲解分钟成交 {rate}</translation></message>
    <message><source>No history yet: the {role} average, {rate} per pitch minute</source><translation>暂无历史：按{role}平均，每讲解分钟 {rate}</translation></message>
    <message><source>No history for this product or its role: the assumptions below</source><translation>该商品及其角色均无历史：按下方假设</translation></message>
    <message><source>Not yet measured: no earlier session to test the method on</source><translation>尚无法衡量：没有更早的场次可供回测</translation></message>
    <message><source>On your last {n} sessions this forecast was off by {mape} on average</source><translation>在最近 {n} 场上，这一预测平均偏差 {mape}</translation></message>
    <message><source>Top-down: {uv} viewers × {value} per viewer, from {n} past sessions, newer ones weigh more</source><translation>自上而下：{uv} 观看人数 × UV价值 {value}，来自过去 {n} 场，越近权重越高</translation></message>
    <message><source>Top-down: {rate} per live minute from {n} past sessions (no viewer counts in them)</source><translation>自上而下：每直播分钟 {rate}，来自过去 {n} 场（无观看人数）</translation></message>
    <message><source>The ad budget moves viewers by the slope measured on {n} sessions</source><translation>投放预算按 {n} 场实测的关系影响观看人数。</translation></message>
    <message><source>Only {n} past sessions of this account have results; a forecast needs {min}. The figures below are the targets decomposed, and what they rest on is assumed.</source><translation>该账号只有 {n} 场有结果的历史场次，预测至少需要 {min} 场。下面是目标拆解，其依据均为假设。</translation></message>
    <message><source>{value}: does not agree with the top-down figure; both are shown</source><translation>{value}：与自上而下的结果不一致，两者都列出</translation></message>
    <message><source>{value}: agrees with the top-down figure</source><translation>{value}：与自上而下的结果一致</translation></message>
    <message><source>no room in the slot</source><translation>时长不够排入</translation></message>
    <message><source>its role is at the team's limit</source><translation>该角色已达团队上限</translation></message>
    <message><source>out of stock</source><translation>无库存</translation></message>
    <message><source>Not in the run order: {items}</source><translation>未排入流程：{items}</translation></message>
</context>
</TS>
